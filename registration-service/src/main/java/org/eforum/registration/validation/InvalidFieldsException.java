package org.eforum.registration.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 for fields that pass their own constraints but not the rules of what they belong to (an answer to the
 * conference's question, a question's label in the conference's languages): {@code errors} with one entry per
 * field, named by its JSON path, exactly as a constraint's error is. The message never repeats the value.
 */
public class InvalidFieldsException extends ErrorResponseException {

    private final Map<String, String> errors;

    public InvalidFieldsException(Map<String, String> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
        this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** Field (JSON path) → message. */
    public Map<String, String> errors() {
        return errors;
    }

    private static ProblemDetail problem(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields are missing or invalid.");
        problem.setTitle("Invalid request");
        List<Map<String, String>> entries = errors.entrySet().stream()
                .map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue())).toList();
        problem.setProperty("errors", entries);
        return problem;
    }
}
