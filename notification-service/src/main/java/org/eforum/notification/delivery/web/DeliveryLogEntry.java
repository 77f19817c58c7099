package org.eforum.notification.delivery.web;

import java.time.Instant;

import org.eforum.notification.delivery.Delivery;
import org.eforum.notification.delivery.DeliveryStatus;

/** One line of the delivery log, as the API shows it (no internals such as the claim's lease). */
public record DeliveryLogEntry(
        String id,
        String registrationId,
        String conferenceId,
        String eventId,
        String recipient,
        String kind,
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
