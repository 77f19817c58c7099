package org.eforum.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A participant registered for a moderated conference: the registration waits for the organisers' approval and
 * holds no seat yet. Followed by {@link RegistrationApproved}, {@link RegistrationDeclined} or
 * {@link RegistrationCancelled} (the participant withdrew).
 */
public record RegistrationSubmitted(
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
        return RegistrationStatus.PENDING;
    }
}
