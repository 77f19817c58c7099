package org.eforum.registration.page;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.Question;
import org.springframework.util.MultiValueMap;

/**
 * The answers a form posts ({@code answers.<id>}, text only) as the API's JSON would carry them: a yes/no as a
 * boolean, a number as a number, several options as a list. What does not convert stays text, so the same checks
 * as the API's refuse it with the same words.
 */
final class FormAnswers {

    private FormAnswers() {
    }

    static Map<String, Object> of(Conference conference, MultiValueMap<String, String> submitted) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question question : conference.activeQuestions()) {
            List<String> given = submitted.getOrDefault("answers." + question.id(), List.of()).stream()
                    .filter(value -> value != null && !value.isEmpty()).toList();
            if (given.isEmpty()) {
                continue;
            }
            answers.put(question.id(), switch (question.kind()) {
                case SEVERAL_OF -> given;
                case YES_NO -> "true".equals(given.get(0)) ? Boolean.TRUE
                        : "false".equals(given.get(0)) ? (Object) Boolean.FALSE : given.get(0);
                case NUMBER -> number(given.get(0).strip());
                default -> given.get(0);
            });
        }
        return answers;
    }

    private static Object number(String text) {
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }
}
