package org.eforum.platform.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

/**
 * MongoDB health by {@code ping}. Spring Boot's own check sends {@code hello}, which the MongoDB-wire server
 * of the local stack and the tests (mongo-java-server) does not know, so every app would report DOWN there.
 * Registered under Boot's bean name, which makes Boot's indicator back off; real MongoDB answers ping alike.
 */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass({MongoClient.class, AbstractHealthIndicator.class})
@ConditionalOnBean(MongoClient.class)
public class MongoPingHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    AbstractHealthIndicator mongoHealthIndicator(MongoClient client) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                builder.up();
            }
        };
    }
}
