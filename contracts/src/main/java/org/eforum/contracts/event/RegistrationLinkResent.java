package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone submitted the form again with the address of an existing registration: the participant's own link is
 * mailed to that address again, instead of being shown to whoever submitted. Not a change of the registration:
 * {@code sequence} and {@code status} are the registration's current ones (the sequence does not grow), so
 * projections of the registration's state ignore it as already seen; only the participant's mail follows from it.
 * registration-service emits it at most once per {@code eforum.registration.link-resend-interval} per registration.
 */
public record RegistrationLinkResent(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl,
        RegistrationStatus status) implements RegistrationEvent {
}
