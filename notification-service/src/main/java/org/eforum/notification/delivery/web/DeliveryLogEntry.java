package org.eforum.notification.delivery.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.eforum.notification.delivery.Delivery;
import org.eforum.notification.delivery.DeliveryStatus;
import org.eforum.notification.mail.MailKind;

/** One line of the delivery log, as the API shows it (no internals such as the claim's lease). */
public record DeliveryLogEntry(
        String id,
        String registrationId,
        String conferenceId,
        String eventId,
        String recipient,
        // A string in the JSON (a reader that does not know a newer kind still reads the entry); the document lists them.
        @Schema(implementation = MailKind.class, description = "Which mail it is, e.g. PARTICIPANT_CONFIRMED; "
                + "readers label the kinds they know and show the name of any other") String kind,
        String language,
        DeliveryStatus status,
        int attempts,
        String lastError,
        Instant updatedAt,
        String messageId) {

    static DeliveryLogEntry of(Delivery delivery) {
        return new DeliveryLogEntry(delivery.id(), delivery.registrationId(), delivery.conferenceId(), delivery.eventId(), delivery.recipient(),
                delivery.kind().name(), delivery.language(), delivery.status(), delivery.attempts(),
                delivery.lastError(), delivery.updatedAt(), delivery.messageId());
    }
}
