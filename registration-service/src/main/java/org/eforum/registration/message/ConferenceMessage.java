package org.eforum.registration.message;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message the organisers sent to a conference's participants. It is stored before it is handed to the
 * recipients (so a second send of the same id is refused); {@code recipients} is the number of registrations it
 * was handed to, null while that is under way (or if the process stopped meanwhile).
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
        @Nullable Integer recipients) {
}
