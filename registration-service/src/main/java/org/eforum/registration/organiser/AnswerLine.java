package org.eforum.registration.organiser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eforum.registration.conference.Question;
import org.jspecify.annotations.Nullable;

/**
 * One answer to a conference's own question as the organiser reads it on the registration page: the question's
 * label and the answer in the page's language (options by their labels, dates written out as the rest of the page).
 * A yes/no answer is a message key ({@code yesNoKey}) so that its words live in the messages like every other text;
 * {@code text} is then null.
 */
record AnswerLine(String questionId, String label, @Nullable String text, @Nullable String yesNoKey,
        boolean retired) {

    /** One line per question that has an answer, in the question's order; retired questions included. */
    static List<AnswerLine> of(List<Question> questions, Map<String, Object> answers, Locale locale) {
        return questions.stream().filter(question -> answers.get(question.id()) != null)
                .map(question -> of(question, answers.get(question.id()), locale)).toList();
    }

    static AnswerLine of(Question question, Object answer, Locale locale) {
        String language = locale.getLanguage();
        String label = question.labelIn(language);
        if (answer instanceof Boolean yes) {
            return new AnswerLine(question.id(), label, null, yes ? "organiser.yes" : "organiser.no",
                    question.retired());
        }
        return new AnswerLine(question.id(), label, text(question, answer, locale), null, question.retired());
    }

    private static String text(Question question, Object answer, Locale locale) {
        return switch (question.kind()) {
            case ONE_OF -> optionLabel(question, answer.toString(), locale.getLanguage());
            case SEVERAL_OF -> answer instanceof List<?> ids
                    ? ids.stream().map(id -> optionLabel(question, id.toString(), locale.getLanguage()))
                            .collect(Collectors.joining("; "))
                    : answer.toString();
            case DATE -> date(answer.toString(), locale);
            // 3 is shown 3, not 3.0, whatever number type the store gave back.
            case NUMBER -> answer instanceof Number number
                    ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                    : answer.toString();
            default -> answer.toString();
        };
    }

    // An option taken away later still has its labels; an id no longer known at all is shown as it is.
    private static String optionLabel(Question question, String id, String language) {
        return question.option(id).map(option -> option.label().getOrDefault(language,
                option.label().values().stream().findFirst().orElse(id))).orElse(id);
    }

    private static String date(String iso, Locale locale) {
        try {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(LocalDate.parse(iso));
        } catch (DateTimeParseException notADate) {
            return iso;
        }
    }
}
