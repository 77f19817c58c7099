package org.eforum.registration.registration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eforum.registration.validation.InvalidFieldsException;

/** Answers that do not fit the conference's questions: a 400 naming each ({@code answers.<question id>}). */
public class InvalidAnswersException extends InvalidFieldsException {

    private final Map<String, Answers.Problem> problems;

    InvalidAnswersException(Map<String, Answers.Problem> problems) {
        super(messages(problems));
        this.problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public Map<String, Answers.Problem> problems() {
        return problems;
    }

    private static Map<String, String> messages(Map<String, Answers.Problem> problems) {
        Map<String, String> messages = new LinkedHashMap<>();
        problems.forEach((field, problem) -> messages.put(field, problem.message()));
        return messages;
    }
}
