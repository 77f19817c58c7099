package org.eforum.registration.message;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No message of that id in the conference. */
class MessageNotFoundException extends ErrorResponseException {

    MessageNotFoundException(String messageId) {
        super(HttpStatus.NOT_FOUND, problem(messageId), null);
    }

    private static ProblemDetail problem(String messageId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The conference has no message '" + messageId + "'.");
        problem.setTitle("Message not found");
        return problem;
    }
}
