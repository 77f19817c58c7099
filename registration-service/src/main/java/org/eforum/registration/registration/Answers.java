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
import org.eforum.registration.validation.InvalidFieldsException;
import org.eforum.registration.validation.PlainTextValidator;

/**
 * A participant's answers to the conference's own questions, checked against them: each one of its question's
 * kind (strictly: a number is not a string, {@code "true"} is not a boolean), each required question asked of the
 * participant's stakeholder type answered, nothing else. Errors are per field ({@code answers.<question id>}), as
 * every field's are. Blank text is no answer.
 */
final class Answers {

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
     * @throws InvalidFieldsException naming each answer that does not fit
     */
    static Map<String, Object> checked(Conference conference, StakeholderType type, Map<String, Object> given) {
        Map<String, Object> answers = given == null ? Map.of() : given;
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String id : answers.keySet()) {
            Question question = conference.activeQuestions().stream().filter(q -> q.id().equals(id)).findFirst()
                    .orElse(null);
            if (question == null) {
                problems.put(field(id), "is not a question of this conference");
            } else if (type != null && !question.isAskedOf(type) && answers.get(id) != null) {
                problems.put(field(id), "is asked only of " + question.onlyFor());
            }
        }
        for (Question question : conference.activeQuestions()) {
            if (type != null && !question.isAskedOf(type)) {
                continue;
            }
            Object value = answers.get(question.id());
            Object normalised;
            try {
                normalised = value == null ? null : normalised(question, value);
            } catch (IllegalArgumentException wrong) {
                problems.put(field(question.id()), wrong.getMessage());
                continue;
            }
            if (normalised == null) {
                if (question.required()) {
                    problems.put(field(question.id()), "is required");
                }
            } else {
                kept.put(question.id(), normalised);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return kept;
    }

    private static String field(String questionId) {
        return "answers." + questionId;
    }

    /** The answer as kept, null for no answer; IllegalArgumentException with the field's message when it does not fit. */
    private static Object normalised(Question question, Object value) {
        return switch (question.kind()) {
            case SHORT_TEXT -> text(value, SHORT_TEXT_MAX, false);
            case LONG_TEXT -> text(value, LONG_TEXT_MAX, true);
            case ONE_OF -> option(question, value);
            case SEVERAL_OF -> options(question, value);
            case YES_NO -> {
                if (!(value instanceof Boolean yes)) {
                    throw new IllegalArgumentException("must be true or false");
                }
                yield yes;
            }
            case NUMBER -> number(value);
            case DATE -> date(value);
        };
    }

    private static String text(Object value, int max, boolean multiline) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("must be text");
        }
        String stripped = multiline ? text.strip().replace("\r\n", "\n").replace('\r', '\n') : text.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.length() > max) {
            throw new IllegalArgumentException("must be at most " + max + " characters");
        }
        if (!PlainTextValidator.isPlainText(stripped, multiline)) {
            throw new IllegalArgumentException("must not contain control or bidirectional-override characters");
        }
        return stripped;
    }

    private static String option(Question question, Object value) {
        if (!(value instanceof String id)) {
            throw new IllegalArgumentException("must be the id of one of the question's options");
        }
        if (question.option(id).filter(option -> !option.retired()).isEmpty()) {
            throw new IllegalArgumentException("must be the id of one of the question's options");
        }
        return id;
    }

    private static List<String> options(Question question, Object value) {
        if (!(value instanceof List<?> ids)) {
            throw new IllegalArgumentException("must be a list of the question's option ids");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Object id : ids) {
            chosen.add(option(question, id));
        }
        if (chosen.size() != ids.size()) {
            throw new IllegalArgumentException("must not repeat an option");
        }
        List<String> inOrder = new ArrayList<>();
        question.options().stream().map(Question.Option::id).filter(chosen::contains).forEach(inOrder::add);
        return inOrder.isEmpty() ? null : inOrder;
    }

    private static Number number(Object value) {
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("must be a number");
        }
        BigDecimal exact;
        try {
            exact = new BigDecimal(value.toString());
        } catch (NumberFormatException notFinite) { // NaN, Infinity
            throw new IllegalArgumentException("must be a number");
        }
        if (exact.abs().compareTo(NUMBER_LIMIT) > 0) {
            throw new IllegalArgumentException("must be between -10^12 and 10^12");
        }
        return exact.stripTrailingZeros().scale() <= 0 ? (Number) exact.longValueExact() : (Number) exact.doubleValue();
    }

    private static String date(Object value) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("must be a date, yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException("must be a date, yyyy-MM-dd");
        }
    }
}
