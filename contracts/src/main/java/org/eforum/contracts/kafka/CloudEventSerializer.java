package org.eforum.contracts.kafka;

import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.eforum.contracts.event.EforumEvent;

/**
 * Writes an event as a binary-mode CloudEvent: headers from the event, value = JSON data.
 * Configure the {@code ce_source} with {@value #SOURCE_CONFIG} (for example {@code /eforum/registration-service}).
 */
public class CloudEventSerializer implements Serializer<EforumEvent> {

    public static final String SOURCE_CONFIG = "eforum.cloudevents.source";

    private String source = "/eforum";

    public CloudEventSerializer() {
    }

    public CloudEventSerializer(String source) {
        this.source = source;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            source = configured.toString();
        }
    }

    @Override
    public byte[] serialize(String topic, EforumEvent event) {
        throw new IllegalStateException("A CloudEvent needs headers: use serialize(topic, headers, event)");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, EforumEvent event) {
        if (event == null) {
            return null;
        }
        CloudEventHeaders.write(headers, event, source);
        return EventJson.write(event);
    }
}
