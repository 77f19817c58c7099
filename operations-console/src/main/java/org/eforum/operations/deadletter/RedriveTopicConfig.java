package org.eforum.operations.deadletter;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eforum.platform.kafka.EforumKafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration
class RedriveTopicConfig {

    /** The console's memory of re-drives: compacted, one record per dead letter. */
    @Bean
    NewTopic redrivesTopic(EforumKafkaProperties kafka) {
        return TopicBuilder.name(DeadLetterTopics.REDRIVES).partitions(1).replicas(kafka.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }
}
