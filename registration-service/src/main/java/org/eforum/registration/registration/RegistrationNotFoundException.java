package org.eforum.registration.registration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No registration for this id and token: an unknown id and a wrong token answer alike, so ids cannot be probed. */
public class RegistrationNotFoundException extends ErrorResponseException {

    public RegistrationNotFoundException() {
        super(HttpStatus.NOT_FOUND, problem(), null);
    }

    private RegistrationNotFoundException(ProblemDetail problem) {
        super(HttpStatus.NOT_FOUND, problem, null);
    }

    /** For organisers: the conference has no such registration (erased ones are no one's any more). */
    static RegistrationNotFoundException inConference() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "This conference has no such registration.");
        problem.setTitle("Registration not found");
        return new RegistrationNotFoundException(problem);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No registration matches this link. Use the link from your confirmation mail.");
        problem.setTitle("Registration not found");
        return problem;
    }
}
