package org.eforum.registration.registration;

import java.net.URI;

import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.registration.conference.Conference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A participant's correction the registration cannot take (409): too late, no longer active, or the address taken. */
public class CorrectionRefusedException extends ErrorResponseException {

    public enum Kind { CLOSED, NOT_ACTIVE, EMAIL_TAKEN }

    private final Kind kind;

    private CorrectionRefusedException(Kind kind, ProblemDetail problem) {
        super(HttpStatus.CONFLICT, problem, null);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static CorrectionRefusedException closed(Conference conference) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Registration for this conference closed at " + conference.registrationCloses()
                        + "; the details can no longer be corrected. Nothing was changed.");
        problem.setTitle("Corrections are closed");
        problem.setType(URI.create("https://eforum.example.org/problems/corrections-closed"));
        return new CorrectionRefusedException(Kind.CLOSED, problem);
    }

    static CorrectionRefusedException notActive(String id, RegistrationStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This registration is " + status + "; its details can no longer be corrected. Nothing was changed.");
        problem.setTitle("Registration is not active");
        problem.setType(URI.create("https://eforum.example.org/problems/registration-not-active"));
        problem.setProperty("registrationId", id);
        problem.setProperty("status", status.name());
        return new CorrectionRefusedException(Kind.NOT_ACTIVE, problem);
    }

    static CorrectionRefusedException emailTaken() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another registration for this conference has this e-mail address. Nothing was changed.");
        problem.setTitle("E-mail address taken");
        problem.setType(URI.create("https://eforum.example.org/problems/email-taken"));
        return new CorrectionRefusedException(Kind.EMAIL_TAKEN, problem);
    }
}
