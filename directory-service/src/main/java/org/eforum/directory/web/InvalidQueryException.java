package org.eforum.directory.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 with one entry per bad parameter in {@code errors}. Being an {@link ErrorResponseException}, Spring MVC
 * renders it as {@code application/problem+json} without a handler of our own.
 */
public class InvalidQueryException extends ErrorResponseException {

    public InvalidQueryException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    private static ProblemDetail problem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some query parameters are not valid.");
        problem.setTitle("Invalid query parameters");
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }

    /** One invalid parameter. The message never repeats the value, so nothing the caller sent is reflected. */
    public record FieldError(String field, String message) {
    }
}
