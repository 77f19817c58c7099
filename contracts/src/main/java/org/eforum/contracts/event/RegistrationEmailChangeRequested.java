package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The participant asked to move the registration to another address: mail {@code newEmail} the
 * {@code confirmationUrl} (it carries a one-off token); only when it is opened and confirmed does the address change
 * ({@link RegistrationDetailsChanged} with {@code email}). Changes nothing yet: {@code sequence} and {@code status}
 * are the current ones, so projections ignore it. {@code newEmail} and {@code confirmationUrl} are sealed on Kafka
 * with the participant's other personal fields (under the current address's person).
 */
public record RegistrationEmailChangeRequested(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl,
        RegistrationStatus status,
        String newEmail,
        String confirmationUrl) implements RegistrationEvent {
}
