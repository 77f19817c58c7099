package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An organiser of the conference asked for the participant's mail to be sent again: the mail of the registration's
 * current status (confirmed, waitlisted or cancelled), with the self-service link. Not a change of the registration:
 * {@code sequence} and {@code status} are the current ones, as with {@link RegistrationLinkResent}; each such event
 * is one more delivery of its own (its event id keys it), so a redelivered event sends nothing twice.
 * {@code addressConfirmed}: whether the participant has confirmed the address already, so that the mail asks for
 * the confirmation only while it is still owed.
 */
public record RegistrationMailResent(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl,
        RegistrationStatus status,
        boolean addressConfirmed) implements RegistrationEvent {
}
