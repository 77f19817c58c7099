package org.eforum.registration.maillog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of notification-service's delivery log, as its API gives it (the fields the workspace shows). */
public record MailDelivery(
        String id,
        @Nullable String eventId,
        @Nullable String recipient,
        String kind,
        @Nullable String language,
        String status,
        int attempts,
        @Nullable String lastError,
        @Nullable Instant updatedAt) {
}
