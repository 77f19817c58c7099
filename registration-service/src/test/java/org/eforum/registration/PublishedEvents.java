package org.eforum.registration;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.kafka.CloudEventHeaders;
import org.eforum.testsupport.EventLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registration events on the topic, as an outside consumer reads them, for the registrations a test made. */
public final class PublishedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishedEvents() {
    }

    /** One record: where it is on the topic, its CloudEvent id and type, and the data's sequence. */
    public record Published(String key, int partition, long offset, String ceId, String ceType, long sequence,
            JsonNode data) {

        public String kind() {
            return ceType.replace("org.eforum.registration.", "").replace(".v1", "");
        }
    }

    /** Every record of the given registrations, in topic order (per partition, by offset). */
    public static List<Published> of(String bootstrapServers, Collection<String> registrationIds) {
        Set<String> keys = Set.copyOf(registrationIds);
        return EventLog.readAll(bootstrapServers, Topics.REGISTRATIONS).stream()
                .filter(record -> keys.contains(record.key()))
                .map(PublishedEvents::published)
                .sorted(Comparator.comparingInt(Published::partition).thenComparingLong(Published::offset))
                .toList();
    }

    /** The kinds of one registration's events in the order a consumer receives them, e.g. [confirmed, cancelled]. */
    public static List<String> kindsOf(List<Published> events, String registrationId) {
        return events.stream().filter(e -> e.key().equals(registrationId)).map(Published::kind).toList();
    }

    private static Published published(ConsumerRecord<String, byte[]> record) {
        JsonNode data = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
        return new Published(record.key(), record.partition(), record.offset(),
                CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID).orElse(null),
                CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE).orElse(null),
                data.path("sequence").asLong(), data);
    }
}
