package org.eforum.localstack;

import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same story against the real MongoDB (a single-node replica set) and Apache Kafka in containers. Where no
 * Docker engine runs, as on our build machines, JUnit reports it skipped rather than failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersEndToEndIT extends EndToEndTests {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private static Stack stack;

    @BeforeAll
    static void startApps() throws Exception {
        Path root = Path.of(System.getProperty("eforum.root", "..")).toAbsolutePath().normalize();
        stack = Stack.start(new Stack.Options(root, Ports.free(), root.resolve("local-stack/target/e2e-testcontainers"),
                JavaRuntime.newest(), null, KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl("eforum"),
                EnumSet.of(App.REGISTRATION, App.DIRECTORY, App.NOTIFICATION), true));
    }

    @AfterAll
    static void stopApps() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    protected Stack stack() {
        return stack;
    }
}
