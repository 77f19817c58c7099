package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.contracts.kafka.CloudEventSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer in this test fails for a transient reason past its last retry; its record lands in the dead letters,
 * the operator sees it and re-drives it, and it is consumed exactly once. A poison record re-driven goes back to
 * the dead letters and the consumer goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Passwords as a deployment gives them: bcrypt hashes (cost 4, cheap to check) of "operator-pw".
        "eforum.security.accounts[0].username=operator", "eforum.security.accounts[0].password={bcrypt}$2a$04$k4z2952UX5opWWb4X4sD3Oa/l.hb1jcLbttcq5VE3GefIKtaGmYZi",
        "eforum.security.accounts[0].roles[0]=OPERATOR",
        "eforum.console.credentials.username=operator", "eforum.console.credentials.password=operator-pw",
        "eforum.kafka.retry.max-retries=1", "eforum.kafka.retry.initial-interval=50ms",
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "spring.kafka.consumer.value-deserializer=org.springframework.kafka.support.serializer.ErrorHandlingDeserializer",
        "spring.kafka.consumer.properties[spring.deserializer.value.delegate.class]=org.eforum.contracts.kafka.CloudEventDeserializer"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = "group.initial.rebalance.delay.ms=0")
class DeadLettersIT {

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

    @Autowired
    FlakyConsumer consumer;

    @Test
    void aTransientFailureIsDeadLetteredThenRedrivenAndConsumedExactlyOnce() throws Exception {
        RegistrationConfirmed event = event();
        consumer.failing.set(true);
        publish(event);

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> findByEventId(event.eventId()), l -> l != null);
        assertThat(letter.get("originalTopic").asString()).isEqualTo(Topics.REGISTRATIONS);
        assertThat(letter.get("consumerGroup").asString()).isEqualTo("flaky-test-consumer");
        assertThat(letter.get("exceptionMessage").asString()).contains("mail server down");
        assertThat(letter.get("eventType").asString()).isEqualTo("org.eforum.registration.confirmed.v1");
        assertThat(letter.get("key").asString()).isEqualTo(event.registrationId());
        assertThat(letter.get("redriven").isNull()).isTrue();
        assertThat(consumer.consumed).doesNotContain(event.eventId());

        consumer.failing.set(false);
        HttpResponse<String> redriven = post("/api/dead-letters/" + letter.get("id").asString() + "/redrive");
        assertThat(redriven.statusCode()).as(redriven.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(consumer.consumed).containsOnlyOnce(event.eventId()));
        assertThat(findByEventId(event.eventId()).get("redriven").get("by").asString()).isEqualTo("operator");
        assertThat(post("/api/dead-letters/" + letter.get("id").asString() + "/redrive").statusCode()).isEqualTo(409);
    }

    @Test
    void anAddressConfirmationIsShownWithItsTypeAndRedrivenLikeAnyEvent() throws Exception {
        RegistrationConfirmed registered = event();
        RegistrationAddressConfirmed confirmed = new RegistrationAddressConfirmed(UUID.randomUUID(), Instant.now(),
                registered.registrationId(), 2, registered.participant(), registered.conference(),
                registered.selfServiceUrl(), registered.status());
        consumer.failing.set(true);
        publish(confirmed);

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> findByEventId(confirmed.eventId()),
                l -> l != null);
        assertThat(letter.get("eventType").asString()).isEqualTo("org.eforum.registration.address-confirmed.v1");
        assertThat(letter.get("key").asString()).isEqualTo(confirmed.registrationId());

        consumer.failing.set(false);
        assertThat(post("/api/dead-letters/" + letter.get("id").asString() + "/redrive").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(consumer.consumed).containsOnlyOnce(confirmed.eventId()));
    }

    @Test
    void aSealedEventsPreviewShowsItsPersonalPartSealed() throws Exception {
        RegistrationConfirmed event = PersonalData.seal(event(), PersonKey.generate("0".repeat(64)));
        consumer.failing.set(true);
        publish(event);

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> findByEventId(event.eventId()), l -> l != null);
        consumer.failing.set(false);
        // what the console shows is what the topic holds: the personal part sealed (the preview is the first 500
        // characters, the ciphertext comes after them), no name, no address, no token
        assertThat(letter.get("payloadPreview").asString()).contains("\"personal\"", "\"keyId\"", "\"iv\"")
                .doesNotContain("Petrova", "ana@example.org", "token=");
    }

    @Test
    void aRedrivenPoisonRecordGoesBackToTheDeadLettersWithoutBlockingItsConsumer() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REGISTRATIONS, poisonKey, "not a cloud event".getBytes())).get();
        }
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> findByKey(poisonKey, false), l -> l != null);

        assertThat(post("/api/dead-letters/" + letter.get("id").asString() + "/redrive").statusCode()).isEqualTo(200);
        RegistrationConfirmed after = event();
        publish(after);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(consumer.consumed).contains(after.eventId());
            assertThat(lettersWithKey(poisonKey)).hasSize(2); // the original (re-driven) and its return
        });
    }

    @Test
    void onlyOperatorsMayLookOrRedrive() throws Exception {
        HttpRequest anonymous = HttpRequest.newBuilder(URI.create(base() + "/api/dead-letters")).build();
        assertThat(http.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpRequest anonymousRedrive = HttpRequest.newBuilder(URI.create(base() + "/api/dead-letters/x:0:0/redrive"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(http.send(anonymousRedrive, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(post("/api/dead-letters/eforum.registrations-dlt:0:999999/redrive").statusCode()).isEqualTo(404);
    }

    @Test
    void aPostACrossSitePageCouldMakeTheBrowserSendIsRefusedDespiteTheOperatorsLogin() throws Exception {
        // A form or an image on another site: no body type, or a form's. The login is the browser's cached one.
        for (String type : new String[] {null, "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain"}) {
            HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create(base() + "/api/dead-letters/x:0:0/redrive"))
                    .header("Authorization", basic()).POST(HttpRequest.BodyPublishers.noBody());
            if (type != null) {
                forged.header("Content-Type", type);
            }
            HttpResponse<String> refused = http.send(forged.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("Content-Type %s", type).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("application/problem+json"));
            assertThat(JSON.readTree(refused.body()).get("detail").asString()).contains("Content-Type: application/json");
        }
        // The same call as a script makes it (the JSON type) reaches the API: no such letter.
        assertThat(post("/api/dead-letters/x:0:0/redrive").statusCode()).isEqualTo(404);
    }

    private JsonNode findByEventId(UUID eventId) throws Exception {
        for (JsonNode letter : letters()) {
            if (eventId.toString().equals(letter.path("eventId").asString(null))) {
                return letter;
            }
        }
        return null;
    }

    private JsonNode findByKey(String key, boolean redriven) throws Exception {
        return lettersWithKey(key).stream().filter(l -> l.get("redriven").isNull() != redriven).findFirst().orElse(null);
    }

    private List<JsonNode> lettersWithKey(String key) throws Exception {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode letter : letters()) {
            if (key.equals(letter.path("key").asString(null))) {
                found.add(letter);
            }
        }
        return found;
    }

    private JsonNode letters() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/dead-letters"))
                .header("Authorization", basic()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path) throws Exception {
        // The JSON type, though there is no body: the API refuses a POST a cross-site form could have sent.
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString("operator:operator-pw".getBytes(StandardCharsets.UTF_8));
    }

    private void publish(EforumEvent event) throws Exception {
        try (var producer = new KafkaProducer<String, EforumEvent>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringSerializer(), new CloudEventSerializer("/eforum/test"))) {
            producer.send(new ProducerRecord<>(Topics.REGISTRATIONS, event.aggregateId(), event)).get();
        }
    }

    private static RegistrationConfirmed event() {
        ConferenceSnapshot conference = new ConferenceSnapshot("ops-test", Map.of("en", "Ops"), Map.of("en", "Hall"),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 2), "Sofia", "BG", 10, null, null, List.of("en"),
                new Contact("C", "c@example.org"), List.of(), OrganiserNotifications.NONE);
        Participant participant = new Participant("Ana", "Petrova", "ana@example.org", "Org",
                StakeholderType.OTHER, "BG", null, "en", new Consents(true, false, false));
        String id = UUID.randomUUID().toString();
        return new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), id, 1, participant, conference,
                "http://localhost/registrations/" + id + "?token=t");
    }

    /** Stands for a service whose dependency (say, the mail server) is down until the test says otherwise. */
    static class FlakyConsumer {

        final AtomicBoolean failing = new AtomicBoolean();
        final List<UUID> consumed = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = Topics.REGISTRATIONS, groupId = "flaky-test-consumer")
        void on(EforumEvent event) {
            if (failing.get()) {
                throw new IllegalStateException("mail server down");
            }
            consumed.add(event.eventId());
        }
    }

    @TestConfiguration
    static class Consumers {

        @Bean
        FlakyConsumer flakyConsumer() {
            return new FlakyConsumer();
        }
    }
}
