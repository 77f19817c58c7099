package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An organiser approved a pending registration: it took a seat ({@code status} CONFIRMED) or, the conference being
 * full, joined the waiting list (WAITLISTED). {@code message} is the organiser's optional word to the participant,
 * plain text in the participant's language, sealed with the personal fields on Kafka (it is about this person).
 */
public record RegistrationApproved(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl,
        RegistrationStatus status,
        @Nullable String message) implements RegistrationEvent {
}
