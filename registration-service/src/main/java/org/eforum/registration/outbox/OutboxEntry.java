package org.eforum.registration.outbox;

import java.time.Instant;

import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.EventType;
import org.eforum.contracts.kafka.EventJson;

/**
 * An event an aggregate owes Kafka (or a {@link #tombstone}: a null value for the key {@code payload}), stored inside the aggregate's own document so that the state change and
 * the event are one atomic write. {@code payload} is the event's JSON data; {@code traceparent} the W3C trace
 * context of the request that caused it (may be null), which the relay continues when it publishes.
 */
public record OutboxEntry(String eventId, String type, String payload, Instant occurredAt, String traceparent) {

    public static OutboxEntry of(EforumEvent event, String traceparent) {
        return new OutboxEntry(event.eventId().toString(), EventType.of(event).ceType(),
                new String(EventJson.write(event), java.nio.charset.StandardCharsets.UTF_8), event.occurredAt(),
                traceparent);
    }

    /** The type of a tombstone entry: no event, a null value for the key in {@code payload}. */
    public static final String TOMBSTONE = "tombstone";

    /** A record with a null value for {@code key}: on a compacted topic, the key's end. */
    public static OutboxEntry tombstone(String key, Instant at) {
        return new OutboxEntry(java.util.UUID.randomUUID().toString(), TOMBSTONE, key, at, null);
    }

    public boolean isTombstone() {
        return TOMBSTONE.equals(type);
    }

    public EforumEvent event() {
        EventType eventType = EventType.ofCeType(type)
                .orElseThrow(() -> new IllegalStateException("Unknown event type in outbox: " + type));
        return EventJson.read(eventType, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
