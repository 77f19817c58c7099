package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** A participant registered when no seat was left and joined the waiting list. */
public record RegistrationWaitlisted(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl) implements RegistrationEvent {

    @Override
    public RegistrationStatus status() {
        return RegistrationStatus.WAITLISTED;
    }
}
