package org.eforum.testsupport.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.EventType;
import org.eforum.contracts.kafka.CloudEventHeaders;
import org.eforum.contracts.kafka.EventJson;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Every kind of record a consumer of an E-Forum topic must dead-letter and get past, all with one key (so one
 * partition, so a valid event sent behind them really queues behind them). Each carries the reason a consumer
 * should give, as a fragment of the dead letter's exception headers.
 */
public final class PoisonRecords {

    /**
     * A value as large as a topic takes with the broker's default {@code message.max.bytes} (1 MiB and 12 bytes per
     * batch): 1 MiB less 1 KiB, leaving room for the key, the CloudEvent headers and the batch's own overhead.
     */
    public static final int ONE_MEGABYTE = 1024 * 1024 - 1024;

    /**
     * One poison record and the reason its dead letter must name.
     *
     * @param event the event its value reads as, when it can be read at all (then the dead letter carries the event,
     *              written again, not the very bytes)
     */
    public record Poison(String kind, ProducerRecord<String, byte[]> record, String reason,
            @Nullable EforumEvent event) {

        Poison(String kind, ProducerRecord<String, byte[]> record, String reason) {
            this(kind, record, reason, null);
        }

        /** Whether a dead letter's value is this record's: the same bytes (or both null), or the same event. */
        public boolean isCarriedBy(ConsumerRecord<String, byte[]> deadLetter) {
            return event == null ? Arrays.equals(record.value(), deadLetter.value())
                    : event.equals(EventJson.read(EventType.of(event), deadLetter.value()));
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    private PoisonRecords() {
    }

    /**
     * @param topic     the consumed topic
     * @param key       the key of all of them (and of the valid event a test sends behind them)
     * @param ofTopic   an event of the topic's own type, whose headers the poison borrows (never itself valid here)
     * @param foreign   a valid event that belongs on another topic
     * @param tombstone whether a null value is poison on this topic (it is where the topic is not compacted)
     */
    public static List<Poison> batch(String topic, String key, EforumEvent ofTopic, EforumEvent foreign,
            boolean tombstone) {
        List<Poison> poison = new ArrayList<>();
        poison.add(new Poison("not JSON", record(topic, key, headersOf(ofTopic),
                ("not JSON at all " + key).getBytes(StandardCharsets.UTF_8)), "data is not a valid"));
        String wrongSchema = "{\"eventId\":\"" + ofTopic.eventId() + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"unexpected\":[1,2,3]}";
        poison.add(new Poison("JSON of the wrong schema", record(topic, key, headersOf(ofTopic),
                wrongSchema.getBytes(StandardCharsets.UTF_8)), "MalformedEventException"));
        Headers unknownType = headersOf(ofTopic);
        unknownType.remove(CloudEventHeaders.TYPE);
        unknownType.add(CloudEventHeaders.TYPE, bytes("org.eforum.nothing-we-know.v1"));
        poison.add(new Poison("unknown ce_type", record(topic, key, unknownType, EventJson.write(ofTopic)),
                "unknown CloudEvent type 'org.eforum.nothing-we-know.v1'"));
        poison.add(new Poison("no CloudEvent headers", record(topic, key, new RecordHeaders(),
                EventJson.write(ofTopic)), "missing CloudEvent header ce_specversion"));
        Headers noType = headersOf(ofTopic);
        noType.remove(CloudEventHeaders.TYPE);
        poison.add(new Poison("no ce_type header", record(topic, key, noType, EventJson.write(ofTopic)),
                "missing CloudEvent header ce_type"));
        poison.add(new Poison("an event of another topic", record(topic, key, headersOf(foreign),
                EventJson.write(foreign)), "IllegalArgumentException", foreign));
        if (tombstone) {
            // spring-kafka hands a null value to the listener without deserializing it; the listener refuses it
            poison.add(new Poison("null value (tombstone)", record(topic, key, new RecordHeaders(), null),
                    topic + ": null"));
        }
        byte[] huge = new byte[ONE_MEGABYTE];
        Arrays.fill(huge, (byte) 'x');
        poison.add(new Poison("1 MB value", record(topic, key, headersOf(ofTopic), huge), "data is not a valid"));
        return poison;
    }

    /**
     * Sends them in order, each acknowledged before the next, as a raw producer outside E-Forum would.
     *
     * @return where each landed, in the same order
     */
    public static List<RecordMetadata> send(String bootstrapServers, List<Poison> poison) {
        List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Poison p : poison) {
                sent.add(raw.send(p.record()).get(30, TimeUnit.SECONDS));
            }
            return sent;
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the poison", e);
        }
    }

    /** The dead letter of the record that landed at {@code sent}, if it is among {@code deadLetters}. */
    public static Optional<ConsumerRecord<String, byte[]>> deadLetterOf(RecordMetadata sent,
            List<ConsumerRecord<String, byte[]>> deadLetters) {
        return deadLetters.stream().filter(r -> sent.topic().equals(header(r, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                && sent.partition() == ByteBuffer.wrap(r.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)
                        .value()).getInt()
                && sent.offset() == ByteBuffer.wrap(r.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                        .value()).getLong())
                .findFirst();
    }

    /** What a dead letter says about why: E-Forum's reason header, the exception's class and message. */
    public static String reasonOf(ConsumerRecord<String, byte[]> deadLetter) {
        return header(deadLetter, Topics.DEAD_LETTER_REASON_HEADER) + "\n"
                + header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN) + ": "
                + header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Headers headersOf(EforumEvent event) {
        Headers headers = new RecordHeaders();
        CloudEventHeaders.write(headers, event, "/eforum/poison-tests");
        return headers;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Headers headers, byte[] value) {
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
