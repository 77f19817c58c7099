package org.eforum.operations.topic;

import org.apache.kafka.clients.admin.Admin;
import org.eforum.operations.service.ConsoleSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class KafkaAdminConfig {

    /** One long-lived Admin client built from Spring Boot's spring.kafka.* settings. */
    @Bean(destroyMethod = "close")
    Admin kafkaAdminClient(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    TopicHistory topicHistory(ConsoleSettings settings) {
        return new TopicHistory(settings.sampleInterval(), settings.historyRetention());
    }
}
