package org.eforum.registration.message;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message the organisers sent to a conference's participants. It is stored before it is handed to the
 * recipients (so a second send of the same id is refused); {@code recipients} is the number of registrations it
 * was handed to, null while that is under way. {@code handing} is true until every recipient has it: a process
 * that stopped meanwhile leaves it so, and {@link MessageHandover} finishes the handover.
 */
@Document("messages")
public record ConferenceMessage(
        @Id String id,
        String conferenceId,
        Audience audience,
        Map<String, String> subject,
        Map<String, String> body,
        String sentBy,
        Instant sentAt,
        @Nullable Integer recipients,
        @Nullable Boolean handing) {

    ConferenceMessage withRecipients(int handed) {
        return new ConferenceMessage(id, conferenceId, audience, subject, body, sentBy, sentAt, handed, null);
    }
}
