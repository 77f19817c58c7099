package org.eforum.operations.deadletter;

import java.time.Instant;

/**
 * One record in a dead-letter topic, as the operator sees it: where it came from, why it failed (Spring Kafka's
 * {@code kafka_dlt-*} headers), what it was (key, CloudEvent id and type, the start of its payload) and whether
 * it has been re-driven already.
 */
public record DeadLetter(
        String id,
        String topic,
        int partition,
        long offset,
        Instant deadLetteredAt,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String consumerGroup,
        String exception,
        String exceptionMessage,
        String key,
        String eventId,
        String eventType,
        String payloadPreview,
        int payloadBytes,
        Redrive redriven) {

    /** When and by whom a dead letter was sent back to its original topic. */
    public record Redrive(Instant at, String by) {
    }

    public static String idOf(String topic, int partition, long offset) {
        return topic + ":" + partition + ":" + offset;
    }
}
