package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TopicsApiIT extends ConsoleIntegrationSupport {

    @Autowired
    Admin admin;

    @Test
    void operatorSeesEveryTopicWithItsEndOffsets() throws Exception {
        produce(Topics.REGISTRATIONS, 5);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/topics", "operator", "operator-pw");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("\"name\":\"eforum.registrations\"")
                    .contains("\"name\":\"eforum.conferences\"")
                    .contains("\"name\":\"eforum.registrations-dlt\"")
                    .contains("\"partitionCount\":3")
                    .contains("\"messages\":5");
        });
    }

    /** Issue 7, done when: lag reported for a stopped consumer group and back to zero after it runs. */
    @Test
    void theLagOfAStoppedGroupIsReportedExactlyAndIsBackToZeroAfterItRuns() throws Exception {
        String topic = "lag-test";
        String group = "lag-test-group";
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();

        produce(topic, 4);
        consume(group, topic, 4); // commits, then stops: the group has no member any more
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode lagging = groupOn(topic, group);
            assertThat(lagging).as("group %s on %s", group, topic).isNotNull();
            assertThat(lagging.get("totalLag").asLong()).isZero();
        });

        produce(topic, 6); // while nobody consumes
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode lagging = groupOn(topic, group);
            assertThat(lagging.get("totalLag").asLong()).isEqualTo(6);
            assertThat(lagging.get("state").asString()).isEqualTo("EMPTY");
            long committed = 0;
            long lagOfPartitions = 0;
            for (JsonNode partition : lagging.get("partitions")) {
                committed += partition.get("committedOffset").asLong();
                lagOfPartitions += partition.get("lag").asLong();
                assertThat(partition.get("lag").asLong())
                        .isEqualTo(partition.get("endOffset").asLong() - partition.get("committedOffset").asLong());
            }
            assertThat(committed).isEqualTo(4);
            assertThat(lagOfPartitions).isEqualTo(6);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(lagHistory(topic, group)).as("the sampled lag").contains(6L));

        consume(group, topic, 6); // the group runs again and catches up
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(groupOn(topic, group).get("totalLag").asLong()).isZero());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Long> sampled = lagHistory(topic, group);
            assertThat(sampled.get(sampled.size() - 1)).as("the latest sampled lag").isZero();
        });
    }

    @Test
    void theRateOfATopicComesFromItsLastTwoSamples() throws Exception {
        String topic = "rate-test";
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        await().atMost(Duration.ofSeconds(20)).until(() -> samples(topic).size() >= 1);

        produce(topic, 20);

        JsonNode history = await().atMost(Duration.ofSeconds(20)).until(() -> samples(topic),
                samples -> samples.size() >= 2 && samples.get(samples.size() - 1).get("endOffsets").asLong() == 20);
        JsonNode last = history.get(history.size() - 1);
        JsonNode before = history.get(history.size() - 2);
        double seconds = Duration.between(Instant.parse(before.get("at").asString()),
                Instant.parse(last.get("at").asString())).toNanos() / 1e9;
        double expected = (20 - before.get("endOffsets").asLong()) / seconds;
        assertThat(last.get("ratePerSecond").asDouble()).isCloseTo(expected, within(0.01));
        JsonNode snapshot = getJson("/api/topics/history");
        assertThat(snapshot.get("sampleIntervalSeconds").asDouble()).isEqualTo(0.3);
        assertThat(snapshot.get("retentionSeconds").asLong()).isEqualTo(900);

        // No more records: one sample later the topic's rate is 0 again, and /api/topics says so.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = topicView(topic);
            assertThat(view.get("ratePerSecond").isNumber()).isTrue();
            assertThat(view.get("ratePerSecond").asDouble()).isZero();
        });
    }

    @Test
    void operatorSeesTheHealthOfEveryWatchedApp() throws Exception {
        // This console itself stands in for an app that answers; a closed port for one that does not.
        HttpResponse<String> response = get("/api/services", "operator", "operator-pw");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("{\"name\":\"itself\",\"url\":\"http://localhost:" + port + "\",\"status\":\"UP\","
                        + "\"liveness\":\"UP\",\"readiness\":\"UP\"}")
                .contains("{\"name\":\"nowhere\",\"url\":\"http://localhost:1\",\"status\":\"UNREACHABLE\"");
        assertThat(get("/api/services", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anonymousAndOrganiserCallersAreRefused() throws Exception {
        for (String path : List.of("/api/topics", "/api/topics/history", "/api/outbox", "/api/services")) {
            assertThat(get(path, null, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "organiser", "organiser-pw").statusCode()).as(path).isEqualTo(403);
        }
        assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> page = get("/", null, null);
        assertThat(page.statusCode()).as("a page sends the visitor to the sign-in form").isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
        HttpResponse<String> login = get("/login", null, null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).as("the pages' CSP").hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
    }

    @Test
    void theApisRefusalsAreProblemDetails() throws Exception {
        HttpResponse<String> anonymous = get("/api/topics", null, null);
        HttpResponse<String> wrongPassword = get("/api/topics", "operator", "not-it");
        HttpResponse<String> organiser = get("/api/topics", "organiser", "organiser-pw");
        // The dashboard's script: no Basic dialog, but still a problem.
        HttpResponse<String> script = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/topics"))
                .header("X-Requested-With", "XMLHttpRequest").header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> refused : List.of(anonymous, wrongPassword, organiser, script)) {
            assertThat(refused.headers().firstValue("Content-Type")).as(refused.uri().toString())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(List.of(anonymous.statusCode(), wrongPassword.statusCode(), organiser.statusCode(),
                script.statusCode())).containsExactly(401, 401, 403, 401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).as("no browser dialog for the script").isEmpty();
    }

    @Test
    void aCallRidingOnTheSessionCookieNeedsTheCsrfTokenOneWithItsOwnCredentialsAJsonType() throws Exception {
        java.net.http.HttpRequest withoutToken = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/dead-letters/redrive"))
                .header("Cookie", "JSESSIONID=anything").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        assertThat(http.send(withoutToken, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        java.net.http.HttpRequest withBasic = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/dead-letters/x:0:0/redrive"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "operator:operator-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        assertThat(http.send(withBasic, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private JsonNode topicView(String topic) throws Exception {
        for (JsonNode view : getJson("/api/topics")) {
            if (view.get("name").asString().equals(topic)) {
                return view;
            }
        }
        throw new AssertionError("no topic " + topic + " in /api/topics");
    }

    private JsonNode groupOn(String topic, String group) throws Exception {
        for (JsonNode candidate : topicView(topic).get("consumerGroups")) {
            if (candidate.get("groupId").asString().equals(group)) {
                return candidate;
            }
        }
        return null;
    }

    private JsonNode samples(String topic) throws Exception {
        JsonNode topics = getJson("/api/topics/history?topic=" + topic).get("topics");
        return topics.isEmpty() ? JSON.createArrayNode() : topics.get(0).get("samples");
    }

    private List<Long> lagHistory(String topic, String group) throws Exception {
        List<Long> lag = new java.util.ArrayList<>();
        for (JsonNode sample : samples(topic)) {
            if (sample.get("lag").has(group)) {
                lag.add(sample.get("lag").get(group).asLong());
            }
        }
        return lag;
    }

    private void produce(String topic, int count) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value")).get();
            }
        }
    }

    /** A member of {@code group} reads {@code count} records, commits and leaves. */
    private void consume(String group, String topic, int count) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int[] read = {0};
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                read[0] += consumer.poll(Duration.ofMillis(200)).count();
                return read[0] >= count;
            });
            assertThat(read[0]).isEqualTo(count);
            consumer.commitSync();
        }
    }
}
