package org.eforum.operations.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eforum.contracts.Topics;
import org.eforum.operations.topic.KafkaUnavailableException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topics ({@code *-dlt}) and the console's own record of re-drives. Each read assigns the
 * partitions directly (no consumer group), so looking never moves anybody's offsets.
 */
@Component
public class DeadLetterTopics {

    static final String REDRIVES = "eforum.operations.redrives";
    private static final int PREVIEW_CHARS = 500;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final Map<String, Object> consumerConfig;
    private final Redrives redrives = new Redrives();

    public DeadLetterTopics(Admin admin, KafkaAdmin kafkaAdmin) {
        this.admin = admin;
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerConfig = config;
    }

    public List<DeadLetter> all() {
        Map<String, DeadLetter.Redrive> redrives = redrives();
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : read(deadLetterTopicNames())) {
            letters.add(view(record, redrives.get(DeadLetter.idOf(record.topic(), record.partition(), record.offset()))));
        }
        letters.sort(Comparator.comparing(DeadLetter::deadLetteredAt).reversed());
        return letters;
    }

    public Optional<ConsumerRecord<byte[], byte[]>> find(String id) {
        String[] parts = id.split(":");
        if (parts.length != 3 || !parts[0].endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            return Optional.empty();
        }
        try {
            TopicPartition partition = new TopicPartition(parts[0], Integer.parseInt(parts[1]));
            long offset = Long.parseLong(parts[2]);
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                if (!deadLetterTopicNames().contains(partition.topic())) {
                    return Optional.empty();
                }
                consumer.assign(List.of(partition));
                consumer.seek(partition, offset);
                long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
                while (System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() == offset) {
                            return Optional.of(record);
                        }
                        return Optional.empty(); // the offset is gone (compacted or never existed)
                    }
                    if (consumer.position(partition) >= consumer.endOffsets(List.of(partition)).get(partition)) {
                        return Optional.empty();
                    }
                }
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Map<String, DeadLetter.Redrive> redrives() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return redrives.current(consumer);
        }
    }

    /**
     * One page, newest first. Only the last {@code (page + 1) * size} records of each partition can be on it, so
     * only those are read: the first pages open as fast with 100,000 dead letters as with ten.
     */
    public DeadLetterPage page(int page, int size) {
        if (page < 0 || size < 1 || size > DeadLetterPage.MAX_SIZE) {
            throw new InvalidPageException("page must be 0 or more and size from 1 to " + DeadLetterPage.MAX_SIZE);
        }
        Map<String, DeadLetter.Redrive> redriven = redrives();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : deadLetterTopicNames()) {
                consumer.partitionsFor(topic, READ_TIMEOUT)
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            long stillThere = redriven.keySet().stream().filter(id -> stillThere(id, begin, end)).count();
            long window = (long) (page + 1) * size;
            Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> newest = new HashMap<>();
            List<TopicPartition> toRead = partitions.stream().filter(p -> end.get(p) > begin.get(p)).toList();
            if (!toRead.isEmpty()) {
                consumer.assign(toRead);
                toRead.forEach(p -> consumer.seek(p, Math.max(begin.get(p), end.get(p) - window)));
                readUntil(consumer, end, toRead).forEach(record -> newest.computeIfAbsent(
                        new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>()).add(record));
            }
            List<DeadLetter> letters = NewestFirst.merge(newest.values()).stream().skip((long) page * size).limit(size)
                    .map(record -> view(record,
                            redriven.get(DeadLetter.idOf(record.topic(), record.partition(), record.offset()))))
                    .toList();
            return new DeadLetterPage(letters, page, size, total, total - stillThere);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailableException(e);
        }
    }

    private static boolean stillThere(String id, Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        String[] parts = id.split(":");
        try {
            TopicPartition partition = new TopicPartition(parts[0], Integer.parseInt(parts[1]));
            long offset = Long.parseLong(parts[2]);
            return begin.containsKey(partition) && offset >= begin.get(partition) && offset < end.get(partition);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readUntil(KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> end, List<TopicPartition> partitions) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new KafkaUnavailableException(new IllegalStateException("reading the dead letters timed out"));
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private List<String> deadLetterTopicNames() {
        try {
            return admin.listTopics().names().get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .filter(name -> name.endsWith(Topics.DEAD_LETTER_SUFFIX)).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(e);
        } catch (Exception e) {
            throw new KafkaUnavailableException(e);
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> read(List<String> topics) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, READ_TIMEOUT).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaUnavailableException(new IllegalStateException("reading " + topics + " timed out"));
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailableException(e);
        }
        return records;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "operations-console-reader-" + UUID.randomUUID());
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static DeadLetter view(ConsumerRecord<byte[], byte[]> record, DeadLetter.Redrive redrive) {
        Headers headers = record.headers();
        String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        return new DeadLetter(DeadLetter.idOf(record.topic(), record.partition(), record.offset()), record.topic(),
                record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC), integer(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longValue(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                text(headers, "ce_id"), text(headers, "ce_type"),
                payload.length() > PREVIEW_CHARS ? payload.substring(0, PREVIEW_CHARS) + "…" : payload,
                record.value() == null ? 0 : record.value().length, redrive);
    }

    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null || header.value().length != 4 ? null
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longValue(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null || header.value().length != 8 ? null
                : ByteBuffer.wrap(header.value()).getLong();
    }
}
