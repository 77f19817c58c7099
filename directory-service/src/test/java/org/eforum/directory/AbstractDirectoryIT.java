package org.eforum.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.ConferenceSnapshot;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.ErasureEvent;
import org.eforum.contracts.event.PersonKeyEvent;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.kafka.CloudEventSerializer;
import org.eforum.testsupport.MongoWireServerInitializer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context every integration test shares (same annotations, same properties): a real
 * KRaft broker, a real MongoDB-wire server, the service on a random port. Tests publish CloudEvents as
 * registration-service does and read the service's HTTP answers as a browser or an organiser would.
 * Data is never cleaned up, so each test uses its own ids, e-mails and names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Passwords as a deployment gives them: bcrypt hashes (cost 4, cheap to check) of "organiser-secret" and "operator-secret".
        "eforum.security.accounts[0].username=organiser",
        "eforum.security.accounts[0].password={bcrypt}$2a$04$Q4yUJaKeznj1jfIAOAhoRu1siPUw10JT70XkUvUK8ofF4JZ43C1ui",
        "eforum.security.accounts[0].roles[0]=ORGANISER",
        "eforum.security.accounts[1].username=operator",
        "eforum.security.accounts[1].password={bcrypt}$2a$04$kv.KTbmBdzKsNSTn84lZSu6jdAp6ENoAOGPYDnLLdpS1DPpDmKOTm",
        "eforum.security.accounts[1].roles[0]=OPERATOR",
        // A second organiser, of no conference until a team names them (the same hash: "organiser-secret").
        "eforum.security.accounts[2].username=organiser2",
        "eforum.security.accounts[2].password={bcrypt}$2a$04$Q4yUJaKeznj1jfIAOAhoRu1siPUw10JT70XkUvUK8ofF4JZ43C1ui",
        "eforum.security.accounts[2].roles[0]=ORGANISER",
        "eforum.directory.public-id-secret=directory-tests-secret-0123456789abcdef",
        "logging.level.org.apache.kafka=warn",
        "logging.level.kafka=warn",
        "logging.level.org.eforum=debug"})
@EmbeddedKafka(partitions = Topics.PARTITIONS, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = "group.initial.rebalance.delay.ms=0")
@ContextConfiguration(initializers = MongoWireServerInitializer.class)
public abstract class AbstractDirectoryIT {

    protected static final String ORGANISER = "organiser";
    protected static final String ORGANISER_PASSWORD = "organiser-secret";
    protected static final String ORGANISER2 = "organiser2";
    protected static final String OPERATOR = "operator";
    protected static final String OPERATOR_PASSWORD = "operator-secret";
    protected static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);

    private static final String GROUP = "directory-service";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, KafkaProducer<String, EforumEvent>> PRODUCERS = new ConcurrentHashMap<>();
    private static final Map<String, Admin> ADMINS = new ConcurrentHashMap<>();

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @LocalServerPort
    private int port;

    /** Clients of this class go with it: the broker outlives them, so none keeps reconnecting to a stopped one. */
    @AfterAll
    static void closeClients() {
        PRODUCERS.values().forEach(KafkaProducer::close);
        PRODUCERS.clear();
        ADMINS.values().forEach(Admin::close);
        ADMINS.clear();
    }

    /** Publishes like registration-service: binary-mode CloudEvent keyed by the aggregate id. */
    protected RecordMetadata publish(EforumEvent event) {
        String topic = event instanceof RegistrationEvent ? Topics.REGISTRATIONS
                : event instanceof ErasureEvent ? Topics.ERASURES
                : event instanceof PersonKeyEvent ? Topics.PERSON_KEYS : Topics.CONFERENCES;
        return send(producer(), new ProducerRecord<>(topic, event.aggregateId(), event));
    }

    /**
     * Publishes a registration as a participant who then confirms the address (see
     * {@link Fixtures#addressConfirmed(RegistrationEvent)}): its consents are in effect once both are projected.
     */
    protected RecordMetadata publishOptedIn(RegistrationEvent registered) {
        publish(registered);
        return publish(Fixtures.addressConfirmed(registered));
    }

    /** {@link #publishOptedIn} and wait until the confirmation is consumed (the registration came before it). */
    protected RecordMetadata publishOptedInAndAwait(RegistrationEvent registered) {
        RecordMetadata sent = publishOptedIn(registered);
        awaitConsumed(sent);
        return sent;
    }

    /** What registration-service publishes when a person is erased: a tombstone for their key. */
    protected RecordMetadata publishTombstone(String personId) {
        return send(producer(), new ProducerRecord<>(Topics.PERSON_KEYS, personId, null));
    }

    protected static <K, V> RecordMetadata send(KafkaProducer<K, V> producer, ProducerRecord<K, V> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish " + record, e.getCause());
        }
    }

    /** The conference's first change, naming its team, consumed: only its team may read its participants. */
    protected void organisedBy(ConferenceSnapshot conference, String... team) {
        publishAndAwait(new ConferenceChanged(UUID.randomUUID(), Instant.now(), 1, conference, List.of(team)));
    }

    /** Publishes and waits until the service has consumed the record (its group committed past it). */
    protected RecordMetadata publishAndAwait(EforumEvent event) {
        RecordMetadata sent = publish(event);
        awaitConsumed(sent);
        return sent;
    }

    protected void awaitConsumed(RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        await().atMost(PROJECTED_WITHIN).until(() -> {
            OffsetAndMetadata committed = admin().listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                    .get().get(partition);
            return committed != null && committed.offset() > sent.offset();
        });
    }

    protected Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    /**
     * Waits until the service has consumed everything on its topics so far: its group's committed offset is the
     * end offset of every partition (records still retried or dead-lettered included).
     */
    protected void awaitAllConsumed() {
        await().atMost(PROJECTED_WITHIN.multipliedBy(2)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            for (String topic : java.util.List.of(Topics.REGISTRATIONS, Topics.CONFERENCES, Topics.ERASURES)) {
                for (int p = 0; p < Topics.PARTITIONS; p++) {
                    latest.put(new TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
                }
            }
            return admin().listOffsets(latest).all().get().entrySet().stream().allMatch(e -> {
                OffsetAndMetadata done = committed.get(e.getKey());
                return e.getValue().offset() == 0 || done != null && done.offset() >= e.getValue().offset();
            });
        });
    }

    protected Response post(String pathAndQuery, String username, String password) {
        // The JSON type, though there is no body: the API refuses a POST a cross-site form could have sent.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody());
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    protected Response get(String pathAndQuery, String username, String password) {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Basic " + credentials)
                .GET().build());
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(null), response.body(),
                    response.headers().firstValue("Set-Cookie").orElse(null),
                    response.headers().firstValue("Content-Security-Policy").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, EforumEvent> producer() {
        return PRODUCERS.computeIfAbsent(bootstrapServers, servers -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                CloudEventSerializer.SOURCE_CONFIG, "/eforum/directory-service-tests"),
                new StringSerializer(), new CloudEventSerializer("/eforum/directory-service-tests")));
    }

    private Admin admin() {
        return ADMINS.computeIfAbsent(bootstrapServers,
                servers -> Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers)));
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    protected record Response(int status, String contentType, String wwwAuthenticate, String body, String setCookie,
            String contentSecurityPolicy) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
