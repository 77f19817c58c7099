package org.eforum.registration.message;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** A sent message as the API shows it; {@code recipients} is absent while it is being handed over. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(
        String id,
        String conferenceId,
        Audience audience,
        Map<String, String> subject,
        Map<String, String> body,
        String sentBy,
        Instant sentAt,
        @Nullable Integer recipients) {

    static MessageView of(ConferenceMessage message) {
        return new MessageView(message.id(), message.conferenceId(), message.audience(), message.subject(),
                message.body(), message.sentBy(), message.sentAt(), message.recipients());
    }
}
