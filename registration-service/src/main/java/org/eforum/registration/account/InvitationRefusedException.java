package org.eforum.registration.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An invitation's link that does not work: unknown or with a wrong token (404, as if there were none), or used,
 * replaced by a newer invitation, expired, or its account disabled meanwhile (410: it worked once, never again).
 */
public class InvitationRefusedException extends ErrorResponseException {

    /** Why; the page says it in words. */
    public enum Reason { UNKNOWN, USED, SUPERSEDED, EXPIRED, DISABLED }

    private final Reason reason;

    InvitationRefusedException(Reason reason) {
        super(status(reason), problem(reason), null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static HttpStatus status(Reason reason) {
        return reason == Reason.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
    }

    private static ProblemDetail problem(Reason reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(reason), switch (reason) {
            case UNKNOWN -> "There is no invitation with this link.";
            case USED -> "This invitation has been used already.";
            case SUPERSEDED -> "A newer invitation replaced this one.";
            case EXPIRED -> "This invitation has expired.";
            case DISABLED -> "The account of this invitation is disabled.";
        });
        problem.setTitle("Invitation not valid");
        return problem;
    }
}
