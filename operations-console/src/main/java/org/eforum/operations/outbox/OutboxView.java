package org.eforum.operations.outbox;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A service's outbox as it reports it on {@code /api/operations/outbox}: per collection the documents whose events
 * are not published yet, and the oldest of them.
 */
public record OutboxView(String service, URI url, Instant checkedAt, List<CollectionOutbox> collections) {

    public record CollectionOutbox(String collection, long pending, Instant oldestPendingSince, Long oldestAgeSeconds) {
    }

    public long pending() {
        return collections.stream().mapToLong(CollectionOutbox::pending).sum();
    }
}
