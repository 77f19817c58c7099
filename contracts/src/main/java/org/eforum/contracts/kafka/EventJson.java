package org.eforum.contracts.kafka;

import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of events (the CloudEvent {@code data}). Consumers ignore unknown properties so that additive
 * changes within a version never break them.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private EventJson() {
    }

    public static byte[] write(EforumEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static EforumEvent read(EventType type, byte[] json) {
        try {
            return MAPPER.readValue(json, type.recordClass());
        } catch (JacksonException e) {
            throw new MalformedEventException("data is not a valid " + type.ceType() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
