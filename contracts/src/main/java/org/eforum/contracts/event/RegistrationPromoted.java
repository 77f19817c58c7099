package org.eforum.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A waitlisted participant got a seat that was freed. */
public record RegistrationPromoted(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl) implements RegistrationEvent {

    /** Written into the data too, for consumers that read the JSON without looking at the type. */
    @Override
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public RegistrationStatus status() {
        return RegistrationStatus.CONFIRMED;
    }
}
