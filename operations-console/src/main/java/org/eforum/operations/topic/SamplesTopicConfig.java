package org.eforum.operations.topic;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eforum.operations.service.ConsoleSettings;
import org.eforum.platform.kafka.EforumKafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration
class SamplesTopicConfig {

    /** The console's samples: one partition, which the elected console writes and every console reads. */
    static final String SAMPLES = "eforum.operations.samples";

    /** The consoles' election: the member this group assigns the samples topic's partition to samples. */
    static final String SAMPLER_GROUP = "operations-console-sampler";

    /** Kept a little longer than the history, so a console that starts finds all of it. */
    static final Duration RETENTION_MARGIN = Duration.ofMinutes(1);

    /**
     * Deleted by time: a segment rolls every history retention, so the old samples really go (with Kafka's week-long
     * default segment they would stay a week).
     */
    @Bean
    NewTopic samplesTopic(EforumKafkaProperties kafka, ConsoleSettings settings) {
        return TopicBuilder.name(SAMPLES).partitions(1).replicas(kafka.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(settings.historyRetention().plus(RETENTION_MARGIN).toMillis()))
                .config(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(settings.historyRetention().toMillis()))
                .build();
    }
}
