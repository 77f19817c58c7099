package org.eforum.platform.health;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka health (Spring Boot has none): the cluster answers {@code describeCluster} within a few seconds. It is
 * part of every app's readiness group, so an app that cannot reach Kafka is taken out of rotation, not restarted.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaAdmin.class)
public class KafkaHealthAutoConfiguration {

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties());
    }

    static class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

        private static final int TIMEOUT_MS = 3000;

        private final Map<String, Object> config;
        private Admin admin;

        KafkaHealthIndicator(Map<String, Object> config) {
            super("Kafka health check failed");
            this.config = new java.util.HashMap<>(config);
            this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            this.config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) throws Exception {
            DescribeClusterResult cluster = admin().describeCluster();
            Collection<Node> nodes = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            builder.up().withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                    .withDetail("brokers", nodes.size());
        }

        private synchronized Admin admin() {
            if (admin == null) {
                admin = Admin.create(config);
            }
            return admin;
        }

        @Override
        public synchronized void destroy() {
            if (admin != null) {
                admin.close(java.time.Duration.ofSeconds(2));
            }
        }
    }
}
