package org.eforum.operations.topic;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Which console instance samples: each one is a member of {@link SamplesTopicConfig#SAMPLER_GROUP} on the samples
 * topic, and the one Kafka assigns its only partition to is the sampler. The partition is paused as soon as it is
 * assigned, so the member fetches nothing; it polls only to stay in the group. When the sampler stops, its member
 * leaves and another gets the partition at the next rebalance; when it dies, after the session timeout.
 *
 * <p>It never commits, so the group has no offsets and no lag in the console's own views.
 */
@Component
class SamplerElection extends ConsumerThread {

    private static final Logger log = LoggerFactory.getLogger(SamplerElection.class);
    private static final TopicPartition PARTITION = new TopicPartition(SamplesTopicConfig.SAMPLES, 0);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String INSTANCE = instanceName();

    private volatile boolean sampler;

    SamplerElection(KafkaAdmin kafkaAdmin) {
        // closing leaves the group, so another console takes over at once
        super("sampler-election", config(kafkaAdmin), Duration.ofSeconds(10));
    }

    private static Map<String, Object> config(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, SamplesTopicConfig.SAMPLER_GROUP);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "operations-console-sampler-" + INSTANCE);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // The partition stays with its member while others join, so a new pod does not interrupt the sampling.
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // A killed sampler is replaced within 10 s (Kafka's default would be 45 s).
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return config;
    }

    /** Whether this instance holds the samples partition, so samples now. */
    boolean isSampler() {
        return sampler;
    }

    /** This instance's name in the samples' header: the host (the pod) and a suffix of its own per start. */
    String instance() {
        return INSTANCE;
    }

    @Override
    void consume(KafkaConsumer<byte[], byte[]> kafka) {
        kafka.subscribe(List.of(SamplesTopicConfig.SAMPLES), new Listener(kafka));
        while (isRunning()) {
            kafka.poll(POLL); // fetches nothing (paused); keeps the member in the group
        }
    }

    @Override
    void failed(RuntimeException e) {
        sampler = false;
        log.warn("The sampler election stopped ({}); joining again in {}", e.toString(), RETRY);
    }

    @Override
    void closed() {
        sampler = false;
    }

    private final class Listener implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> kafka;

        Listener(KafkaConsumer<byte[], byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            kafka.pause(partitions); // before any fetch: the member reads nothing
            if (partitions.contains(PARTITION)) {
                sampler = true;
                log.info("This console ({}) samples the topics now", INSTANCE);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.contains(PARTITION) && sampler) {
                sampler = false;
                log.info("This console ({}) no longer samples the topics", INSTANCE);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }

    private static String instanceName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "console";
            }
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void stop() {
        sampler = false;
        super.stop();
    }
}
