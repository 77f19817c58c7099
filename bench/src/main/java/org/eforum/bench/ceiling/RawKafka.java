package org.eforum.bench.ceiling;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.bench.drain.Topics;

/**
 * What the broker takes from one producer configured like registration-service's (acks=all, idempotent, five in
 * flight, the client's default linger), sending records shaped like a real registration event (its value and
 * CloudEvents headers copied from one on the topic) to {@code bench.raw}, without waiting for each send.
 */
public final class RawKafka {

    public static final String TOPIC = "bench.raw";

    public record Result(long records, long failed, int valueBytes, boolean sampledReal, double seconds) {
        public double perSecond() {
            return records / seconds;
        }
    }

    private record Sample(byte[] value, Headers headers, boolean real) {
    }

    private RawKafka() {
    }

    public static Result run(Topics topics, String bootstrap, long records) throws Exception {
        Sample sample = sample(topics, bootstrap);
        try {
            topics.admin().createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            // Metadata and the producer id first, so the timing is of sending, not of connecting.
            producer.send(new ProducerRecord<>(TOPIC, null, "warm-up", sample.value(), sample.headers())).get();
            long start = System.nanoTime();
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, null, UUID.randomUUID().toString(), sample.value(),
                        sample.headers()), (metadata, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                            }
                        });
            }
            producer.flush();
            return new Result(records, failed.get(), sample.value().length, sample.real(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /** The newest record of the registrations topic, or a 1.5 KB stand-in when the topic is empty. */
    private static Sample sample(Topics topics, String bootstrap) throws Exception {
        Map<TopicPartition, Long> ends = topics.endOffsets(Topics.REGISTRATIONS);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (end.getValue() == 0) {
                    continue;
                }
                consumer.assign(List.of(end.getKey()));
                consumer.seek(end.getKey(), end.getValue() - 1);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        return new Sample(r.value(), new RecordHeaders(r.headers().toArray()), true);
                    }
                }
            }
        }
        return new Sample(new byte[1500], new RecordHeaders(), false);
    }
}
