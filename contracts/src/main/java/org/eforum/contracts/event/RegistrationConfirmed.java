package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** A participant registered and got a seat. */
public record RegistrationConfirmed(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl) implements RegistrationEvent {

    @Override
    public RegistrationStatus status() {
        return RegistrationStatus.CONFIRMED;
    }
}
