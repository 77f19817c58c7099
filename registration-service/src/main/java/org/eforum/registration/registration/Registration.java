package org.eforum.registration.registration;

import java.time.Instant;
import java.util.List;

import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.registration.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One participant's registration for one conference. {@code emailKey} (the address lower-cased) is unique per
 * conference, which is what makes a repeated submission a 409 even when twenty arrive at once. {@code sequence}
 * counts the registration's events; the events not yet on Kafka wait in {@code outbox}.
 */
@Document("registrations")
public record Registration(
        @Id String id,
        String conferenceId,
        String emailKey,
        Participant participant,
        String notes,
        RegistrationStatus status,
        long sequence,
        Instant registeredAt,
        Instant updatedAt,
        boolean outboxPending,
        Instant outboxPendingSince,
        List<OutboxEntry> outbox) {

    static String emailKey(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
