package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The organisers wrote to the conference's participants, and this registration is one of the recipients: mail the
 * participant the message. One event per recipient registration, so each mail is keyed, de-duplicated and retried
 * like every participant mail. Not a change of the registration: {@code sequence} and {@code status} are the
 * registration's current ones (as {@link RegistrationLinkResent}), so projections of its state ignore it.
 * {@code subject} and {@code body} are in {@code messageLanguage}: the participant's language when the message has
 * it, else the conference's main language. They are the organisers' plain text (line breaks in the body) and carry
 * nothing of the participant, so they are not sealed; the participant's own fields are, as in every event.
 */
public record ParticipantMessaged(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl,
        RegistrationStatus status,
        String messageId,
        String messageLanguage,
        String subject,
        String body) implements RegistrationEvent {
}
