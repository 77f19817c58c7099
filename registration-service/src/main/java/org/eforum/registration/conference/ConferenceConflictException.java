package org.eforum.registration.conference;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A change that contradicts the conference's current state (an id taken, a capacity below the seats taken). */
public class ConferenceConflictException extends ErrorResponseException {

    public ConferenceConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT, problem(title, detail), null);
    }

    private static ProblemDetail problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        return problem;
    }
}
