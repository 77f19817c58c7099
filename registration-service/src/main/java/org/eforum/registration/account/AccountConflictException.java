package org.eforum.registration.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The username is taken already, by a stored or a configured account. */
public class AccountConflictException extends ErrorResponseException {

    AccountConflictException(String username) {
        super(HttpStatus.CONFLICT, problem(username), null);
    }

    private static ProblemDetail problem(String username) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "There is an account '" + username + "' already.");
        problem.setTitle("Username taken");
        return problem;
    }
}
