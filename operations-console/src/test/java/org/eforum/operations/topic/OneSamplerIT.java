package org.eforum.operations.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.operations.topic.ConsoleInstances.election;
import static org.eforum.operations.topic.ConsoleInstances.instants;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * Several console instances against one broker, as the production overlay's two pods: one samples, every one shows
 * its samples, and when it stops another one samples on; one that starts later shows the past minutes at once.
 *
 * <p>Its own broker, whose address goes to a property of its own (not {@code spring.kafka.bootstrap-servers}, a
 * JVM-wide system property the other tests' context reads), and consoles started here with their settings as
 * command-line arguments, which win over any system property.
 */
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "one-sampler-it.kafka",
        brokerProperties = "group.initial.rebalance.delay.ms=0")
class OneSamplerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ConsoleInstances consoles = new ConsoleInstances();

    @AfterEach
    void stopConsoles() {
        consoles.close();
    }

    @Test
    void oneInstanceSamplesEveryOneShowsTheSamplesAndAnotherTakesOverWhenItStops(EmbeddedKafkaBroker broker)
            throws Exception {
        String kafka = broker.getBrokersAsString();
        ConfigurableApplicationContext first = consoles.start(kafka);
        ConfigurableApplicationContext second = consoles.start(kafka);

        // One sample per interval, all from one instance: twenty in a row.
        List<ConsumerRecord<byte[], byte[]>> samples = await().atMost(WAIT).until(() -> samples(kafka),
                read -> read.size() >= 25);
        List<ConsumerRecord<byte[], byte[]>> lastTwenty = samples.subList(samples.size() - 20, samples.size());
        String sampler = sampledBy(lastTwenty.get(0));
        assertThat(lastTwenty).extracting(OneSamplerIT::sampledBy).as("who sampled").containsOnly(sampler);
        assertThat(sampler).isIn(election(first).instance(), election(second).instance());
        assertThat(List.of(election(first).isSampler(), election(second).isSampler())).as("sampling")
                .containsExactlyInAnyOrder(true, false);
        for (int i = 1; i < lastTwenty.size(); i++) {
            Duration between = Duration.between(at(lastTwenty.get(i - 1)), at(lastTwenty.get(i)));
            assertThat(between).as("between samples %d and %d", i - 1, i)
                    .isGreaterThanOrEqualTo(ConsoleInstances.INTERVAL);
        }

        // Both instances show the same samples: the same instants for a topic, from the twenty one sampler took in a
        // row up to the newest both have read. Before them, while the election settled, both may have sampled once,
        // and each instance keeps only the samples newer than the newest it already has, so that start may differ.
        Instant steady = at(lastTwenty.get(0));
        ConfigurableApplicationContext sampling = election(first).isSampler() ? first : second;
        ConfigurableApplicationContext other = sampling == first ? second : first;
        await().atMost(WAIT).untilAsserted(() -> {
            List<Instant> ofSampling = instants(consoles.history(sampling));
            List<Instant> ofOther = instants(consoles.history(other));
            assertThat(ofSampling).hasSizeGreaterThanOrEqualTo(20);
            assertThat(ofOther).isNotEmpty();
            Instant both = Collections.min(
                    List.of(ofSampling.get(ofSampling.size() - 1), ofOther.get(ofOther.size() - 1)));
            Predicate<Instant> compared = at -> !at.isBefore(steady) && !at.isAfter(both);
            assertThat(ofOther.stream().filter(compared).toList()).as("the other instance's samples")
                    .isEqualTo(ofSampling.stream().filter(compared).toList());
        });
        assertThat(consoles.history(other).get("sampledBy").asString()).isEqualTo(sampler);
        // The election's group never commits: it is in no topic's consumer groups, so in no lag.
        assertThat(consoles.get(other, "/api/topics").body()).doesNotContain(SamplesTopicConfig.SAMPLER_GROUP);

        // The sampling instance stops: the other one samples on, and shows it.
        String taker = election(other).instance();
        sampling.close();
        Instant stopped = Instant.now();
        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> after = samples(kafka).stream()
                    .filter(record -> at(record).isAfter(stopped)).toList();
            assertThat(after).hasSizeGreaterThanOrEqualTo(5);
            assertThat(after).extracting(OneSamplerIT::sampledBy).as("who sampled after the stop").containsOnly(taker);
        });
        assertThat(election(other).isSampler()).isTrue();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode history = consoles.history(other);
            assertThat(history.get("sampledBy").asString()).isEqualTo(taker);
            assertThat(instants(history)).anySatisfy(at -> assertThat(at).isAfter(stopped));
        });

        // A console that starts now shows the minutes before it started, from both samplers.
        Instant firstSample = at(samples.get(0));
        Instant beforeStart = Instant.now();
        ConfigurableApplicationContext third = consoles.start(kafka);
        await().atMost(WAIT).untilAsserted(() -> assertThat(instants(consoles.history(third)))
                .as("the third console's history").contains(firstSample)
                .anySatisfy(at -> assertThat(at).isBefore(stopped))
                .anySatisfy(at -> assertThat(at).isAfter(stopped).isBefore(beforeStart)));
        assertThat(election(third).isSampler()).as("the newcomer leaves the sampling where it is").isFalse();
    }

    /** Every record on the samples topic, oldest first. */
    private static List<ConsumerRecord<byte[], byte[]>> samples(String kafka) {
        TopicPartition partition = new TopicPartition(SamplesTopicConfig.SAMPLES, 0);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String sampledBy(ConsumerRecord<byte[], byte[]> record) {
        var header = record.headers().lastHeader(SamplePublisher.SAMPLED_BY);
        return header == null ? "(none)" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant at(ConsumerRecord<byte[], byte[]> record) {
        return Instant.parse(ConsoleInstances.JSON.readTree(record.value()).get("at").asString());
    }
}
