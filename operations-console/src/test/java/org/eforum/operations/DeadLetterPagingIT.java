package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 100,000 dead letters (its own broker, so no other test re-drives them): the page still opens at once, newest
 * first, a page at a time, with the total counted and the next page linked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Passwords as a deployment gives them: bcrypt hashes (cost 4, cheap to check) of "operator-pw".
        "eforum.security.accounts[0].username=operator", "eforum.security.accounts[0].password={bcrypt}$2a$04$k4z2952UX5opWWb4X4sD3Oa/l.hb1jcLbttcq5VE3GefIKtaGmYZi",
        "eforum.security.accounts[0].roles[0]=OPERATOR",
        "eforum.console.credentials.username=operator", "eforum.console.credentials.password=operator-pw",
        "eforum.console.services.itself=http://localhost:1"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = "group.initial.rebalance.delay.ms=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterPagingIT {

    private static final int LETTERS = 100_000;
    private static final String TOPIC = "paging-test.registrations-dlt";
    // In the past: the broker refuses timestamps more than an hour ahead.
    private static final long FIRST_TIMESTAMP = System.currentTimeMillis() - LETTERS - 60_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    String bootstrapServers;

    /**
     * This context's own broker. Not {@code ${spring.kafka.bootstrap-servers}}: EmbeddedKafka keeps that as a
     * system property, which the next context's broker overwrites, and a cached context would then hand its tests
     * another context's broker.
     */
    @Autowired
    void useBroker(EmbeddedKafkaBroker broker) {
        bootstrapServers = broker.getBrokersAsString();
    }

    @BeforeAll
    void fillADeadLetterTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < LETTERS; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, "eforum.registrations".getBytes(StandardCharsets.UTF_8));
                headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(i % 3).array());
                headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "poison".getBytes(StandardCharsets.UTF_8));
                // One a millisecond, spread over the partitions: letter i is the i-th oldest.
                sent.add(producer.send(new ProducerRecord<>(TOPIC, i % 3, FIRST_TIMESTAMP + i,
                        "letter-" + i, "{}".getBytes(StandardCharsets.UTF_8), headers)));
            }
            for (var acknowledged : sent) {
                acknowledged.get(); // fails the set-up, not the tests, if the broker refused a record
            }
        }
    }

    @Test
    void theFirstPageShowsTheNewestAndOpensAtOnce() throws Exception {
        get("/api/dead-letters?size=1"); // the first call warms up the consumer's connections
        long started = System.nanoTime();
        HttpResponse<String> first = get("/api/dead-letters");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(first.statusCode()).isEqualTo(200);
        // Reading all 100,000 took ten seconds and more; a page reads 50 a partition. Generous for a busy machine.
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(LETTERS));
        assertThat(first.headers().firstValue("Link")).hasValueSatisfying(link ->
                assertThat(link).contains("page=1&size=50>; rel=\"next\""));
        assertThat(keys(first)).hasSize(50).startsWith("letter-99999", "letter-99998", "letter-99997")
                .endsWith("letter-99950");
    }

    @Test
    void laterPagesGoOnWhereTheLastEnded() throws Exception {
        assertThat(keys(get("/api/dead-letters?page=1&size=50"))).hasSize(50).startsWith("letter-99949")
                .endsWith("letter-99900");
        assertThat(keys(get("/api/dead-letters?page=7&size=3"))).containsExactly("letter-99978", "letter-99977",
                "letter-99976");
    }

    @Test
    void thePageShowsTheCountAndLinksTheOlderPage() throws Exception {
        String page = get("/dead-letters?page=1").body();

        assertThat(page).contains("100000 dead letters, 100000 not re-driven yet", "Page 2 of 2000",
                "letter-99949").doesNotContain("letter-99950<");
        assertThat(page).contains("href=\"/dead-letters?page=2&amp;size=50\"", "href=\"/dead-letters?page=0&amp;size=50\"");
    }

    @Test
    void aPageOutOfRangeIsAClearBadRequest() throws Exception {
        HttpResponse<String> tooBig = get("/api/dead-letters?size=5000");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(tooBig.body()).get("detail").asString()).contains("size from 1 to 200");
        assertThat(get("/api/dead-letters?page=-1").statusCode()).isEqualTo(400);
        assertThat(get("/api/dead-letters?page=first").statusCode()).isEqualTo(400);
    }

    private List<String> keys(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        for (JsonNode letter : JSON.readTree(response.body())) {
            keys.add(letter.get("key").asString());
        }
        return keys;
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("operator:operator-pw".getBytes(StandardCharsets.UTF_8))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
