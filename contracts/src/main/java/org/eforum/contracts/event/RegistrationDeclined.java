package org.eforum.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An organiser declined a pending registration; it is over (as a cancelled one), and never listed in the directory.
 * {@code message} is the organiser's optional word to the participant, plain text in the participant's language,
 * sealed with the personal fields on Kafka.
 */
public record RegistrationDeclined(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl,
        @Nullable String message) implements RegistrationEvent {

    /** Written into the data too, for consumers that read the JSON without looking at the type. */
    @Override
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public RegistrationStatus status() {
        return RegistrationStatus.DECLINED;
    }
}
