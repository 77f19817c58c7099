package org.eforum.notification.delivery.web;

import java.time.Instant;
import java.util.List;

import org.eforum.notification.delivery.SentMail;

/** A delivery's mail as it went out: headers and both bodies, with the self-service tokens blanked. */
public record SentMailView(String deliveryId, String to, List<String> cc, String subject, String text, String html,
        Instant sentAt) {

    static SentMailView of(SentMail mail) {
        return new SentMailView(mail.id(), mail.to(), mail.cc(), mail.subject(), mail.text(), mail.html(),
                mail.sentAt());
    }
}
