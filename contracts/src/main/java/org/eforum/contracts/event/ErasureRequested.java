package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An organiser or operator asked that a person be erased. Consumers remove or redact what they hold for that
 * address and remember the hash, so that replaying older events never brings the person back.
 */
public record ErasureRequested(UUID eventId, Instant occurredAt, String emailHash, String requestedBy)
        implements ErasureEvent {
}
