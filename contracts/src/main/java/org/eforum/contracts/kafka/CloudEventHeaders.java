package org.eforum.contracts.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.EventType;

/**
 * The CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_*} headers, the
 * {@code datacontenttype} as {@code content-type}, the value is the JSON data. Written here rather than taken
 * from the CloudEvents SDK because the SDK is on Jackson 2 and Spring Boot 4 is on Jackson 3.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** Replaces any CloudEvent attributes already present, so a re-publish never carries two ids. */
    public static void write(Headers headers, EforumEvent event, String source) {
        put(headers, SPEC_VERSION, SPEC_VERSION_1_0);
        put(headers, ID, event.eventId().toString());
        put(headers, SOURCE, source);
        put(headers, TYPE, EventType.of(event).ceType());
        put(headers, TIME, event.occurredAt().toString());
        put(headers, SUBJECT, event.aggregateId());
        put(headers, CONTENT_TYPE, JSON);
    }

    /** The attributes every consumer relies on; anything missing or wrong is a malformed record. */
    public static Attributes read(Headers headers) {
        String specVersion = required(headers, SPEC_VERSION);
        if (!SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException("unsupported CloudEvents specversion '" + specVersion + "'");
        }
        String type = required(headers, TYPE);
        EventType eventType = EventType.ofCeType(type)
                .orElseThrow(() -> new MalformedEventException("unknown CloudEvent type '" + type + "'"));
        String id = required(headers, ID);
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("ce_id '" + id + "' is not a UUID");
        }
        String contentType = get(headers, CONTENT_TYPE).orElse(JSON);
        if (!contentType.startsWith(JSON)) {
            throw new MalformedEventException("content-type '" + contentType + "' is not " + JSON);
        }
        Instant time = get(headers, TIME).map(CloudEventHeaders::instant).orElse(null);
        return new Attributes(eventId, eventType, required(headers, SOURCE), time, get(headers, SUBJECT).orElse(null));
    }

    public static Optional<String> get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        return get(headers, name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new MalformedEventException("missing CloudEvent header " + name));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time '" + value + "' is not an RFC 3339 time");
        }
    }

    /** The CloudEvent context attributes of one record. */
    public record Attributes(UUID id, EventType type, String source, Instant time, String subject) {
    }
}
