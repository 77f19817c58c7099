package org.eforum.registration.registration;

import java.time.Instant;
import java.util.Map;

import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;

/**
 * A registration as its participant and the organisers see it. {@code addressConfirmedAt}: when the participant
 * confirmed the address (absent until then); only then are its consents to be listed and to join the experts'
 * network in effect. {@code answers}: the answers to the conference's own questions, by question id (empty when it
 * asks none).
 */
public record RegistrationView(
        String id,
        String conferenceId,
        RegistrationStatus status,
        String firstName,
        String lastName,
        String email,
        String organisation,
        StakeholderType stakeholderType,
        String country,
        String position,
        String language,
        Consents consents,
        String notes,
        Instant registeredAt,
        Instant addressConfirmedAt,
        Map<String, Object> answers) {

    static RegistrationView of(Registration r) {
        var p = r.participant();
        return new RegistrationView(r.id(), r.conferenceId(), r.status(), p.firstName(), p.lastName(), p.email(),
                p.organisation(), p.stakeholderType(), p.country(), p.position(), p.language(), p.consents(),
                r.notes(), r.registeredAt(), r.addressConfirmedAt(), p.answersOrNone());
    }
}
