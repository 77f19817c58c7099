package org.eforum.platform.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topic layout and the consumers' retry policy.
 *
 * @param partitions        partitions of every E-Forum topic and its dead-letter topic
 * @param replicationFactor replicas per partition (1 for a single local broker)
 * @param retry             blocking retries of a failed record before it goes to the dead-letter topic
 * @param personKeys        how soon the person-keys topic forgets an erased person's key
 */
@ConfigurationProperties("eforum.kafka")
public record EforumKafkaProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue Retry retry,
        @DefaultValue PersonKeys personKeys) {

    public record Retry(
            @DefaultValue("4") int maxRetries,
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10s") Duration maxInterval) {
    }

    /**
     * @param segment         {@code segment.ms} (and {@code max.compaction.lag.ms}) of the person-keys topic
     * @param deleteRetention {@code delete.retention.ms}: how long a tombstone stays before compaction drops it
     */
    public record PersonKeys(
            @DefaultValue("1m") Duration segment,
            @DefaultValue("1m") Duration deleteRetention) {
    }
}
