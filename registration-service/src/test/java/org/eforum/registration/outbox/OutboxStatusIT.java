package org.eforum.registration.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.eforum.registration.IntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/operations/outbox}: what the outboxes still owe Kafka, for operators only. */
class OutboxStatusIT extends IntegrationSupport {

    @Autowired
    MongoTemplate mongo;

    @Test
    void operatorsSeeHowManyDocumentsWaitPerCollectionAndSinceWhenTheOldestWaits() {
        String conference = createConference("outbox-status", 5);
        HttpResponse<String> registered = register(conference, registrationJson("Ana", "Petrova", "ana.outbox@example.org"));
        assertThat(registered.statusCode()).isEqualTo(201);
        String id = json(registered).path("id").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(collection(outbox(), "registrations").path("pending").asLong()).as("published").isZero());

        // A document whose events the relay could not publish for 90 s: flagged, waiting since then. Its outbox
        // is empty, so the relay leaves it as it is until the test clears the flag.
        Instant since = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.MILLIS);
        Query document = Query.query(Criteria.where("_id").is(id));
        mongo.updateFirst(document, new Update().set(Outbox.PENDING, true).set(Outbox.PENDING_SINCE, since),
                "registrations");
        try {
            JsonNode report = outbox();
            assertThat(report.path("collections")).extracting(c -> c.path("collection").asString())
                    .containsExactly("person_keys", "conferences", "registrations", "erasures",
                            "organiser_invitations");
            JsonNode registrations = collection(report, "registrations");
            assertThat(registrations.path("pending").asLong()).isEqualTo(1);
            assertThat(Instant.parse(registrations.path("oldestPendingSince").asString())).isEqualTo(since);
            assertThat(registrations.path("oldestAgeSeconds").asLong()).isBetween(90L, 120L);
            assertThat(Instant.parse(report.path("checkedAt").asString())).isAfter(since);
        } finally {
            mongo.updateFirst(document, new Update().set(Outbox.PENDING, false).unset(Outbox.PENDING_SINCE),
                    "registrations");
        }

        JsonNode registrations = collection(outbox(), "registrations");
        assertThat(registrations.path("pending").asLong()).isZero();
        assertThat(registrations.path("oldestPendingSince").isNull()).isTrue();
        assertThat(registrations.path("oldestAgeSeconds").isNull()).isTrue();
    }

    @Test
    void anonymousCallersAndOrganisersAreRefused() {
        assertThat(get("/api/operations/outbox", "application/json", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/operations/outbox", "application/json", ORGANISER).statusCode()).isEqualTo(403);
        assertThat(get("/api/operations/outbox", "application/json", OPERATOR).statusCode()).isEqualTo(200);
    }

    private JsonNode outbox() {
        HttpResponse<String> response = get("/api/operations/outbox", "application/json", OPERATOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode collection(JsonNode report, String name) {
        for (JsonNode entry : report.path("collections")) {
            if (entry.path("collection").asString().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }
}
