package org.eforum.registration.erasure;

import java.time.Instant;
import java.util.List;

import org.eforum.registration.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of one erasure request: who asked, when, for which address hash (never the address), and the
 * {@code ErasureRequested} event it owes, in the document's own outbox.
 */
@Document("erasures")
public record Erasure(
        @Id String id,
        String emailHash,
        String requestedBy,
        Instant requestedAt,
        int registrationsErased,
        boolean outboxPending,
        Instant outboxPendingSince,
        List<OutboxEntry> outbox) {
}
