package org.eforum.operations.deadletter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class DeadLetterNotFoundException extends ErrorResponseException {

    public DeadLetterNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No dead letter '" + id + "'. Ids look like <topic>:<partition>:<offset>.");
        problem.setTitle("Dead letter not found");
        return problem;
    }
}
