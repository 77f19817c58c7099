package org.eforum.registration.conference;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A change that contradicts the conference's current state (an id taken, a capacity below the seats taken). */
public class ConferenceConflictException extends ErrorResponseException {

    /** What clashed, for a page that shows the error beside its field. */
    public enum Reason { ID_TAKEN, ID_CHANGED, CAPACITY_BELOW_CONFIRMED, CHANGED_MEANWHILE }

    private final Reason reason;

    public ConferenceConflictException(Reason reason, String title, String detail) {
        super(HttpStatus.CONFLICT, problem(title, detail), null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static ProblemDetail problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        return problem;
    }
}
