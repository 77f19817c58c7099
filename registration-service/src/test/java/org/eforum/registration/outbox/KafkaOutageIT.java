package org.eforum.registration.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.eforum.registration.PublishedEvents;
import org.eforum.registration.PublishedEvents.Published;
import org.eforum.registration.ServiceTestSupport;
import org.eforum.testsupport.MongoWireServerInitializer;
import org.eforum.testsupport.kafka.ChildKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Kafka goes away while participants register and cancel: every request is still answered, nothing is lost, and
 * once Kafka is back every event reaches the topic exactly once, in order per registration. A real broker in a
 * child JVM, so that it can really be stopped and started again on the same address and data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eforum.registration.token-secret=integration-tests-only-secret-0123456789abcdef",
        "eforum.organiser.name=Ministry of Labour and Social Policy", "eforum.organiser.email=dpo@mlsp.example.bg",
        "eforum.registration.reconcile-interval=1h",
        // Passwords as a deployment gives them: bcrypt hashes (cost 4, cheap to check) of "organiser" and "operator".
        "eforum.security.accounts[0].username=organiser",
        "eforum.security.accounts[0].password={bcrypt}$2a$04$Ihdkhft1nnAnd7OZpSt3Gebctri9CMjybxGwOtVb.cBYn4h3nxWXe",
        "eforum.security.accounts[0].roles[0]=ORGANISER",
        "eforum.security.accounts[1].username=operator",
        "eforum.security.accounts[1].password={bcrypt}$2a$04$Y5IjzSuz3R3Ksm39jZb97.enAOp2jKY4pcMRFLFuQHplkVXp9pvIG",
        "eforum.security.accounts[1].roles[0]=OPERATOR"})
@ContextConfiguration(initializers = MongoWireServerInitializer.class)
@DirtiesContext // its broker stops after this class; no other test may get this context
class KafkaOutageIT extends ServiceTestSupport {

    private static final ChildKafkaBroker KAFKA = new ChildKafkaBroker();

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KAFKA.start().bootstrapServers());
    }

    @AfterAll
    static void stopKafka() {
        KAFKA.close();
    }

    @Test
    void registrationsAndCancellationsWhileKafkaIsDownAreAcceptedAndTheirEventsArriveOnceInOrderWhenItIsBack() {
        String conference = createConference("outage", 3);
        JsonNode ana = registered(conference, "ana");
        JsonNode boris = registered(conference, "boris");
        awaitPublished(List.of(id(ana), id(boris)), 2);

        Map<String, JsonNode> duringOutage = new LinkedHashMap<>();
        KAFKA.stop();
        try {
            for (String name : List.of("vera", "dimitar", "elena")) {
                duringOutage.put(name, registered(conference, name)); // vera gets the last seat, the others wait
            }
            assertThat(cancel(ana).statusCode()).isEqualTo(200); // dimitar is promoted
            assertThat(cancel(duringOutage.get("elena")).statusCode()).isEqualTo(200);
            assertThat(duringOutage.get("vera").path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(duringOutage.get("dimitar").path("status").asString()).isEqualTo("WAITLISTED");
            assertThat(pendingOutboxEntryFactory()).as("held in the outboxes while Kafka is down").isEqualTo(6);
            JsonNode waiting = outboxOf("registrations");
            assertThat(waiting.path("pending").asLong()).as("vera, dimitar, elena and ana wait").isEqualTo(4);
            assertThat(Instant.parse(waiting.path("oldestPendingSince").asString())).isBefore(Instant.now());
            assertThat(waiting.path("oldestAgeSeconds").asLong()).isNotNegative();
        } finally {
            KAFKA.restart();
        }

        List<String> ids = List.of(id(ana), id(boris), id(duringOutage.get("vera")), id(duringOutage.get("dimitar")),
                id(duringOutage.get("elena")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(pendingOutboxEntryFactory()).isZero());
        assertThat(outboxOf("registrations").path("pending").asLong()).isZero();
        assertThat(outboxOf("registrations").path("oldestPendingSince").isNull()).isTrue();
        List<Published> events = awaitPublished(ids, 8);

        assertThat(PublishedEvents.kindsOf(events, id(ana))).containsExactly("confirmed", "cancelled");
        assertThat(PublishedEvents.kindsOf(events, id(boris))).containsExactly("confirmed");
        assertThat(PublishedEvents.kindsOf(events, id(duringOutage.get("vera")))).containsExactly("confirmed");
        assertThat(PublishedEvents.kindsOf(events, id(duringOutage.get("dimitar")))).containsExactly("waitlisted", "promoted");
        assertThat(PublishedEvents.kindsOf(events, id(duringOutage.get("elena")))).containsExactly("waitlisted", "cancelled");
        assertThat(events.stream().collect(Collectors.groupingBy(Published::ceId, Collectors.counting())))
                .as("every event exactly once").hasSize(8).allSatisfy((ceId, count) -> assertThat(count).isEqualTo(1));
        assertThat(events).allSatisfy(e -> assertThat(e.ceId()).isEqualTo(e.data().path("eventId").asString()));
        Map<String, List<Published>> byRegistration = events.stream()
                .collect(Collectors.groupingBy(Published::key, LinkedHashMap::new, Collectors.toList()));
        byRegistration.forEach((id, own) -> {
            assertThat(own.stream().map(Published::sequence).toList()).as("sequence order of %s", id)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, own.size()).boxed().toList());
            assertThat(own.stream().map(Published::partition).distinct()).as("one partition per key").hasSize(1);
        });
    }

    @Test
    void aRelayThatDiedBetweenSendingAndRemovingRepublishesTheSameEventWithTheSameId() {
        String conference = createConference("relay-crash", 5);
        JsonNode ana = registered(conference, "ana");
        Published original = awaitPublished(List.of(id(ana)), 1).get(0);
        // The document as a relay leaves it when it dies after the send and before the removal: the event is on
        // Kafka and still in the outbox.
        OutboxEntry unremoved = new OutboxEntry(original.ceId(), original.ceType(), original.data().toString(),
                Instant.parse(original.data().path("occurredAt").asString()), null);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id(ana))), new Update()
                .push(Outbox.ENTRIES, unremoved).set(Outbox.PENDING, true).set(Outbox.PENDING_SINCE, Instant.now()),
                "registrations");

        List<Published> events = awaitPublished(List.of(id(ana)), 2);

        assertThat(events).extracting(Published::ceId).containsExactly(original.ceId(), original.ceId());
        assertThat(events).extracting(Published::sequence).containsExactly(1L, 1L);
        assertThat(events.get(1).data()).isEqualTo(original.data());
    }

    /** Waits until the registrations' events on the topic number {@code count}, and gives them in topic order. */
    private List<Published> awaitPublished(List<String> registrationIds, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> PublishedEvents.of(bootstrapServers, registrationIds), events -> events.size() >= count);
    }

    private long pendingOutboxEntryFactory() {
        return mongo.find(Query.query(Criteria.where(Outbox.PENDING).is(true)), Document.class, "registrations").stream()
                .mapToLong(document -> document.getList(Outbox.ENTRIES, Document.class, List.of()).size()).sum();
    }

    /** One collection's entry of {@code GET /api/operations/outbox}, as the operations console reads it. */
    private JsonNode outboxOf(String collection) {
        HttpResponse<String> response = get("/api/operations/outbox", "application/json", OPERATOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode entry : json(response).path("collections")) {
            if (entry.path("collection").asString().equals(collection)) {
                return entry;
            }
        }
        throw new AssertionError("no " + collection + " in " + response.body());
    }

    private JsonNode registered(String conference, String name) {
        HttpResponse<String> response = register(conference, registrationJson(name, "Test", name + "@example.org"));
        assertThat(response.statusCode()).as("answered while Kafka is down too").isEqualTo(201);
        return json(response);
    }

    private HttpResponse<String> cancel(JsonNode registration) {
        return postJson("/api/registrations/" + id(registration) + "/cancel?token="
                + tokenOf(registration.path("selfServiceUrl").asString()), "", null);
    }

    private static String id(JsonNode registration) {
        return registration.path("id").asString();
    }

}
