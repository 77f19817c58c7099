package org.eforum.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A participant cancelled. {@code previousStatus} tells whether a seat was freed (CONFIRMED) or a place on
 * the waiting list (WAITLISTED).
 */
public record RegistrationCancelled(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl,
        RegistrationStatus previousStatus) implements RegistrationEvent {

    /** Written into the data too, for consumers that read the JSON without looking at the type. */
    @Override
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public RegistrationStatus status() {
        return RegistrationStatus.CANCELLED;
    }
}
