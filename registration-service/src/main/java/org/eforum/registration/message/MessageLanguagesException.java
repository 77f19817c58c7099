package org.eforum.registration.message;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A message whose texts do not match the conference's languages: a 400 with one entry per field, as for any
 * invalid field ({@code subject.en}: missing, {@code body.de}: no language of the conference).
 */
public class MessageLanguagesException extends ErrorResponseException {

    private final Map<String, MessageService.LanguageProblem> problems;

    MessageLanguagesException(Map<String, MessageService.LanguageProblem> problems) {
        super(HttpStatus.BAD_REQUEST, problem(problems), null);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, MessageService.LanguageProblem> problems() {
        return problems;
    }

    private static ProblemDetail problem(Map<String, MessageService.LanguageProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields are missing or invalid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue().message())).toList());
        return problem;
    }
}
