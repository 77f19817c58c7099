package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** A conference was created or updated; it carries the whole new state. {@code version} grows with each change. */
public record ConferenceChanged(
        UUID eventId,
        Instant occurredAt,
        long version,
        ConferenceSnapshot conference) implements ConferenceEvent {
}
