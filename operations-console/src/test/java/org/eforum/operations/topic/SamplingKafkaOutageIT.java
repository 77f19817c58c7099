package org.eforum.operations.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.operations.topic.ConsoleInstances.election;
import static org.eforum.operations.topic.ConsoleInstances.instants;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eforum.testsupport.kafka.ChildKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka stops under a sampling console (a real broker in a child JVM, stopped and started again on the same port and
 * data): the console keeps answering with the history it has, and samples again once Kafka is back, without help.
 */
class SamplingKafkaOutageIT {

    private static final ChildKafkaBroker KAFKA = new ChildKafkaBroker();
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final ConsoleInstances consoles = new ConsoleInstances();

    @AfterEach
    void stopConsoles() {
        consoles.close();
    }

    @AfterAll
    static void stopKafka() {
        KAFKA.close();
    }

    @Test
    void aConsoleSamplesAgainOnceKafkaIsBack() throws Exception {
        ConfigurableApplicationContext console = consoles.start(KAFKA.start().bootstrapServers());
        List<Instant> before = await().atMost(WAIT).until(() -> instants(consoles.history(console)),
                samples -> samples.size() >= 3);

        KAFKA.stop();
        try {
            await().atMost(WAIT).untilAsserted(() -> assertThat(consoles.get(console, "/api/topics").statusCode())
                    .as("the live view while Kafka is down").isEqualTo(503));
            assertThat(instants(consoles.history(console))).as("the history while Kafka is down")
                    .containsAll(before);
        } finally {
            KAFKA.restart();
        }

        Instant back = Instant.now();
        await().atMost(WAIT).untilAsserted(() -> assertThat(instants(consoles.history(console)))
                .as("samples after Kafka is back").anySatisfy(at -> assertThat(at).isAfter(back)).containsAll(before));
        assertThat(election(console).isSampler()).isTrue();
        assertThat(consoles.history(console).get("sampledBy").asString()).isEqualTo(election(console).instance());
    }
}
