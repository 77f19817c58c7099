package org.eforum.registration.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eforum.contracts.event.StakeholderType;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.Question;
import org.eforum.registration.validation.PlainTextValidator;

/**
 * A participant's answers to the conference's own questions, checked against them: each one of its question's
 * kind (strictly: a number is not a string, {@code "true"} is not a boolean), each required question asked of the
 * participant's stakeholder type answered, nothing else. Errors are per field ({@code answers.<question id>}), as
 * every field's are. Blank text is no answer.
 */
public final class Answers {

    /** What is wrong with an answer; the page shows it in its language ({@code answer.<name>} in the messages). */
    public enum Problem {
        NOT_A_QUESTION("is not a question of this conference"),
        NOT_ASKED("is not asked of this stakeholder type"),
        REQUIRED("is required"),
        NOT_TEXT("must be text"),
        TOO_LONG("is too long (a short answer takes 200 characters, a long one 2,000)"),
        NOT_PLAIN_TEXT("must not contain control or bidirectional-override characters"),
        NOT_AN_OPTION("must be the id of one of the question's options"),
        NOT_A_LIST("must be a list of the question's option ids"),
        REPEATED_OPTION("must not repeat an option"),
        NOT_YES_OR_NO("must be true or false"),
        NOT_A_NUMBER("must be a number"),
        NUMBER_TOO_LARGE("must be between -10^12 and 10^12"),
        NOT_A_DATE("must be a date, yyyy-MM-dd");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Thrown inside: the problem of one answer. */
    private static final class Wrong extends RuntimeException {
        private final Problem problem;

        Wrong(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    static final int SHORT_TEXT_MAX = 200;
    static final int LONG_TEXT_MAX = 2_000;
    /** Bounds that keep a number exact in every store and spreadsheet. */
    static final BigDecimal NUMBER_LIMIT = new BigDecimal("1e12");

    private Answers() {
    }

    /**
     * The answers as they are kept and published (text stripped, options deduplicated in the question's order,
     * numbers as long or double).
     *
     * @throws InvalidAnswersException naming each answer that does not fit
     */
    static Map<String, Object> checked(Conference conference, StakeholderType type, Map<String, Object> given) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        Map<String, Object> kept = check(conference, type, given, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
        return kept;
    }

    /**
     * The problems of the answers, by field ({@code answers.<id>}); with no stakeholder type chosen yet, the
     * questions asked of some types only are left for later.
     */
    public static Map<String, Problem> problems(Conference conference, StakeholderType type, Map<String, Object> given) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        check(conference, type, given, problems);
        return problems;
    }

    private static Map<String, Object> check(Conference conference, StakeholderType type, Map<String, Object> given,
            Map<String, Problem> problems) {
        Map<String, Object> answers = given == null ? Map.of() : given;
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String id : answers.keySet()) {
            Question question = conference.activeQuestions().stream().filter(q -> q.id().equals(id)).findFirst()
                    .orElse(null);
            if (question == null) {
                problems.put(field(id), Problem.NOT_A_QUESTION);
            } else if (type != null && !question.isAskedOf(type) && answers.get(id) != null) {
                problems.put(field(id), Problem.NOT_ASKED);
            }
        }
        for (Question question : conference.activeQuestions()) {
            if (type == null ? !question.onlyFor().isEmpty() : !question.isAskedOf(type)) {
                continue;
            }
            Object value = answers.get(question.id());
            Object normalised;
            try {
                normalised = value == null ? null : normalised(question, value);
            } catch (Wrong wrong) {
                problems.put(field(question.id()), wrong.problem);
                continue;
            }
            if (normalised == null) {
                if (question.required()) {
                    problems.put(field(question.id()), Problem.REQUIRED);
                }
            } else {
                kept.put(question.id(), normalised);
            }
        }
        return kept;
    }

    private static String field(String questionId) {
        return "answers." + questionId;
    }

    /** The answer as kept, null for no answer; {@link Wrong} when it does not fit. */
    private static Object normalised(Question question, Object value) {
        return switch (question.kind()) {
            case SHORT_TEXT -> text(value, SHORT_TEXT_MAX, false);
            case LONG_TEXT -> text(value, LONG_TEXT_MAX, true);
            case ONE_OF -> option(question, value);
            case SEVERAL_OF -> options(question, value);
            case YES_NO -> {
                if (!(value instanceof Boolean yes)) {
                    throw new Wrong(Problem.NOT_YES_OR_NO);
                }
                yield yes;
            }
            case NUMBER -> number(value);
            case DATE -> date(value);
        };
    }

    private static String text(Object value, int max, boolean multiline) {
        if (!(value instanceof String text)) {
            throw new Wrong(Problem.NOT_TEXT);
        }
        String stripped = multiline ? text.strip().replace("\r\n", "\n").replace('\r', '\n') : text.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.length() > max) {
            throw new Wrong(Problem.TOO_LONG);
        }
        if (!PlainTextValidator.isPlainText(stripped, multiline)) {
            throw new Wrong(Problem.NOT_PLAIN_TEXT);
        }
        return stripped;
    }

    private static String option(Question question, Object value) {
        if (!(value instanceof String id)) {
            throw new Wrong(Problem.NOT_AN_OPTION);
        }
        if (question.option(id).filter(option -> !option.retired()).isEmpty()) {
            throw new Wrong(Problem.NOT_AN_OPTION);
        }
        return id;
    }

    private static List<String> options(Question question, Object value) {
        if (!(value instanceof List<?> ids)) {
            throw new Wrong(Problem.NOT_A_LIST);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Object id : ids) {
            chosen.add(option(question, id));
        }
        if (chosen.size() != ids.size()) {
            throw new Wrong(Problem.REPEATED_OPTION);
        }
        List<String> inOrder = new ArrayList<>();
        question.options().stream().map(Question.Option::id).filter(chosen::contains).forEach(inOrder::add);
        return inOrder.isEmpty() ? null : inOrder;
    }

    private static Number number(Object value) {
        if (!(value instanceof Number)) {
            throw new Wrong(Problem.NOT_A_NUMBER);
        }
        BigDecimal exact;
        try {
            exact = new BigDecimal(value.toString());
        } catch (NumberFormatException notFinite) { // NaN, Infinity
            throw new Wrong(Problem.NOT_A_NUMBER);
        }
        if (exact.abs().compareTo(NUMBER_LIMIT) > 0) {
            throw new Wrong(Problem.NUMBER_TOO_LARGE);
        }
        return exact.stripTrailingZeros().scale() <= 0 ? (Number) exact.longValueExact() : (Number) exact.doubleValue();
    }

    private static String date(Object value) {
        if (!(value instanceof String text)) {
            throw new Wrong(Problem.NOT_A_DATE);
        }
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException notADate) {
            throw new Wrong(Problem.NOT_A_DATE);
        }
    }
}
