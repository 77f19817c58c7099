package org.eforum.operations.deadletter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A page number or size out of range: a 400 problem naming the allowed range. */
public class InvalidPageException extends ErrorResponseException {

    public InvalidPageException(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid page");
        return problem;
    }
}
