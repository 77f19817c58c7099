package org.eforum.operations.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eforum.operations.topic.KafkaUnavailableException;

/**
 * The console's record of re-drives (the compacted {@link DeadLetterTopics#REDRIVES} topic), kept in memory and
 * topped up from where the last look ended: a view reads only the re-drives since, not every one ever made.
 */
class Redrives {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final TopicPartition PARTITION = new TopicPartition(DeadLetterTopics.REDRIVES, 0);

    private final Map<String, DeadLetter.Redrive> known = new HashMap<>();
    private long position;

    synchronized Map<String, DeadLetter.Redrive> current(KafkaConsumer<byte[], byte[]> consumer) {
        try {
            if (consumer.partitionsFor(DeadLetterTopics.REDRIVES, READ_TIMEOUT).isEmpty()) {
                return Map.copyOf(known);
            }
            consumer.assign(List.of(PARTITION));
            long begin = consumer.beginningOffsets(List.of(PARTITION)).get(PARTITION);
            long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
            consumer.seek(PARTITION, Math.max(position, begin));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (consumer.position(PARTITION) < end) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaUnavailableException(new IllegalStateException("reading the re-drives timed out"));
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    remember(record);
                }
            }
            position = end;
            return Map.copyOf(known);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailableException(e);
        }
    }

    private void remember(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() != null && record.value() != null) {
            String[] value = new String(record.value(), StandardCharsets.UTF_8).split(" ", 2);
            known.put(new String(record.key(), StandardCharsets.UTF_8),
                    new DeadLetter.Redrive(Instant.parse(value[0]), value.length > 1 ? value[1] : ""));
        }
    }
}
