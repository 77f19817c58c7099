package org.eforum.registration.conference;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;

public class ConferenceNotFoundException extends ErrorResponseException {

    public ConferenceNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no conference '" + id + "'.");
        problem.setTitle("Conference not found");
        return problem;
    }
}
