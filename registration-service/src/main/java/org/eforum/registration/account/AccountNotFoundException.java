package org.eforum.registration.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No stored organiser account has that username (configured accounts are not managed here). */
public class AccountNotFoundException extends ErrorResponseException {

    AccountNotFoundException(String username) {
        super(HttpStatus.NOT_FOUND, problem(username), null);
    }

    private static ProblemDetail problem(String username) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no stored organiser account '" + username + "'.");
        problem.setTitle("Account not found");
        return problem;
    }
}
