package org.eforum.operations.topic;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eforum.operations.service.ConsoleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every console instance reads the samples topic into its {@link TopicHistory}, from the first sample inside the
 * history's retention: all instances show the same history, and one that starts shows the past minutes at once.
 * The partition is assigned directly (no group, no commits), so reading moves nobody's offsets.
 */
@Component
class SampleReader extends ConsumerThread {

    private static final Logger log = LoggerFactory.getLogger(SampleReader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TopicPartition PARTITION = new TopicPartition(SamplesTopicConfig.SAMPLES, 0);
    private static final Duration POLL = Duration.ofMillis(500);

    private final TopicHistory history;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();
    private boolean failing;

    SampleReader(TopicHistory history, ConsoleSettings settings, KafkaAdmin kafkaAdmin) {
        super("topic-samples", config(kafkaAdmin), Duration.ofSeconds(5));
        this.history = history;
        this.retention = settings.historyRetention();
    }

    private static Map<String, Object> config(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "operations-console-samples-" + UUID.randomUUID());
        return config;
    }

    @Override
    void consume(KafkaConsumer<byte[], byte[]> kafka) {
        while (isRunning() && kafka.partitionsFor(SamplesTopicConfig.SAMPLES, RETRY).isEmpty()) {
            pause(); // the topic is not there yet (created by the Topic Operator on Kubernetes)
        }
        kafka.assign(List.of(PARTITION));
        seekToRetention(kafka);
        if (failing) {
            log.info("Reading the topic samples again");
            failing = false;
        }
        while (isRunning()) {
            for (ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL)) {
                record(record);
            }
        }
    }

    /** Read again from the retention's start next time: the samples already recorded are skipped. */
    @Override
    void failed(RuntimeException e) {
        if (!failing) {
            log.warn("Cannot read the topic samples ({}); trying again every {}", e.toString(), RETRY);
            failing = true;
        }
    }

    private void seekToRetention(KafkaConsumer<byte[], byte[]> kafka) {
        long since = clock.instant().minus(retention).toEpochMilli();
        OffsetAndTimestamp first = kafka.offsetsForTimes(Map.of(PARTITION, since), RETRY).get(PARTITION);
        if (first == null) {
            kafka.seekToEnd(List.of(PARTITION)); // nothing that recent: only new samples
        } else {
            kafka.seek(PARTITION, first.offset());
        }
    }

    private void record(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            Header sampler = record.headers().lastHeader(SamplePublisher.SAMPLED_BY);
            history.record(JSON.readValue(record.value(), TopicSample.class),
                    sampler == null ? null : new String(sampler.value(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.warn("Ignoring a record of {} at offset {} that is no sample: {}", record.topic(), record.offset(),
                    e.toString());
        }
    }
}
