package org.eforum.operations.delivery;

import java.time.Instant;
import java.util.List;

/** A delivery's mail as it went out (notification-service blanks the self-service tokens). */
public record SentMail(String deliveryId, String to, List<String> cc, String subject, String text, String html,
        Instant sentAt) {
}
