package org.eforum.registration.registration;

import java.net.URI;

import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.registration.conference.Conference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A registration the conference cannot take now (a repeat, outside the window), or a change it cannot make. */
public class RegistrationConflictException extends ErrorResponseException {

    private final Kind kind;

    public enum Kind { DUPLICATE, NOT_YET_OPEN, CLOSED, ALREADY_CANCELLED, CANCELLED_NOT_CONFIRMABLE, NOT_WAITLISTED,
        NO_SEAT_FREE, BUSY, NOT_PENDING, DECLINED }

    private RegistrationConflictException(Kind kind, ProblemDetail problem) {
        super(HttpStatus.CONFLICT, problem, null);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The same words whatever the registration is (confirmed, waitlisted, cancelled) and whether a mail went out now
     * or shortly before: the answer names nothing of it, so it cannot be read by someone who only knows the address.
     */
    static RegistrationConflictException duplicate() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This e-mail address is already registered for this conference. The link to the registration has "
                        + "been sent to that address.");
        problem.setTitle("Already registered");
        problem.setType(URI.create("https://eforum.example.org/problems/already-registered"));
        return new RegistrationConflictException(Kind.DUPLICATE, problem);
    }

    static RegistrationConflictException notYetOpen(Conference conference) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Registration for this conference opens at " + conference.registrationOpens() + ".");
        problem.setTitle("Registration is not open yet");
        problem.setType(URI.create("https://eforum.example.org/problems/registration-not-open"));
        return new RegistrationConflictException(Kind.NOT_YET_OPEN, problem);
    }

    static RegistrationConflictException closed(Conference conference) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Registration for this conference closed at " + conference.registrationCloses() + ".");
        problem.setTitle("Registration is closed");
        problem.setType(URI.create("https://eforum.example.org/problems/registration-closed"));
        return new RegistrationConflictException(Kind.CLOSED, problem);
    }

    static RegistrationConflictException alreadyCancelled(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This registration was cancelled already.");
        problem.setTitle("Already cancelled");
        problem.setType(URI.create("https://eforum.example.org/problems/already-cancelled"));
        problem.setProperty("registrationId", id);
        return new RegistrationConflictException(Kind.ALREADY_CANCELLED, problem);
    }

    static RegistrationConflictException cancelledCannotBeConfirmed(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This registration is cancelled; its address can no longer be confirmed.");
        problem.setTitle("Cancelled registrations cannot be confirmed");
        problem.setType(URI.create("https://eforum.example.org/problems/cancelled-not-confirmable"));
        problem.setProperty("registrationId", id);
        return new RegistrationConflictException(Kind.CANCELLED_NOT_CONFIRMABLE, problem);
    }

    static RegistrationConflictException notWaitlisted(String id, RegistrationStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Only a registration on the waiting list can be promoted; this one is " + status + ".");
        problem.setTitle("Not on the waiting list");
        problem.setType(URI.create("https://eforum.example.org/problems/not-waitlisted"));
        problem.setProperty("registrationId", id);
        problem.setProperty("status", status.name());
        return new RegistrationConflictException(Kind.NOT_WAITLISTED, problem);
    }

    static RegistrationConflictException noSeatFree(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "No seat is free, so this registration cannot be promoted out of order (the capacity is never "
                        + "exceeded, and every seat that is freed goes to the first on the waiting list at once). "
                        + "Nothing was changed.");
        problem.setTitle("No seat is free");
        problem.setType(URI.create("https://eforum.example.org/problems/no-seat-free"));
        problem.setProperty("registrationId", id);
        return new RegistrationConflictException(Kind.NO_SEAT_FREE, problem);
    }

    /** Approve and decline apply to a registration that awaits the organisers' approval, and only to one. */
    static RegistrationConflictException notPending(String id, RegistrationStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Only a registration awaiting approval can be approved or declined; this one is " + status
                        + ". Nothing was changed.");
        problem.setTitle("Not awaiting approval");
        problem.setType(URI.create("https://eforum.example.org/problems/not-pending"));
        problem.setProperty("registrationId", id);
        problem.setProperty("status", status.name());
        return new RegistrationConflictException(Kind.NOT_PENDING, problem);
    }

    static RegistrationConflictException declined(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This registration was declined by the organisers; there is nothing to change.");
        problem.setTitle("Declined");
        problem.setType(URI.create("https://eforum.example.org/problems/declined"));
        problem.setProperty("registrationId", id);
        return new RegistrationConflictException(Kind.DECLINED, problem);
    }

    static RegistrationConflictException busy(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This registration changed while the request was applied; try again.");
        problem.setTitle("Registration is being changed");
        problem.setProperty("registrationId", id);
        return new RegistrationConflictException(Kind.BUSY, problem);
    }
}
