package org.eforum.operations.delivery;

import java.time.Instant;

/** One delivery as notification-service's log lists it. */
public record DeliveryRow(String id, String registrationId, String conferenceId, String recipient, String kind,
        String language, String status, int attempts, String lastError, Instant updatedAt, String messageId) {
}
