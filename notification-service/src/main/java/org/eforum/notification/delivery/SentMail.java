package org.eforum.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's or organiser's mail as it was sent, kept so an operator can answer "I never got my confirmation"
 * with what went out. Self-service tokens are blanked: the copy shows the link, never opens the registration.
 * An erasure of the participant deletes the copies of their registrations' mails.
 *
 * @param id the delivery's id
 */
@Document("sent_mails")
public record SentMail(@Id String id, String registrationId, String to, List<String> cc, String subject, String text,
        String html, Instant sentAt) {

    public SentMail {
        cc = cc == null ? List.of() : List.copyOf(cc);
    }
}
