package org.eforum.registration.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.kafka.CloudEventHeaders;
import org.eforum.registration.IntegrationSupport;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An organiser sets up a conference; the public sees it with its live seat count; Kafka hears of it. */
class ConferenceApiIT extends IntegrationSupport {

    @Test
    void organiserCreatesAConferenceAndTheSameIdAgainIsAConflict() {
        String id = newConferenceId("create");

        HttpResponse<String> created = postJson("/api/conferences", conferenceJson(id, 120, null), ORGANISER);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/conferences/" + id));
        JsonNode body = json(created);
        assertThat(body.path("id").asString()).isEqualTo(id);
        assertThat(body.path("seatsLeft").asInt()).isEqualTo(120);
        assertThat(body.path("cc").get(0).asString()).isEqualTo("team@eforum.example.org");

        HttpResponse<String> again = postJson("/api/conferences", conferenceJson(id, 50, null), ORGANISER);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(again).path("title").asString()).isEqualTo("Conference already exists");
    }

    @Test
    void invalidFieldsAreNamedOneByOne() {
        String valid = conferenceJson(newConferenceId("invalid"), 10, null);

        assertInvalid(valid.replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"Not A Slug!\""), "id");
        assertInvalid(valid.replace("\"country\": \"BG\"", "\"country\": \"XX\""), "country");
        assertInvalid(valid.replace("\"capacity\": 10", "\"capacity\": 0"), "capacity");
        assertInvalid(valid.replace("\"cc\": [\"team@eforum.example.org\"]", "\"cc\": [\"not-an-address\"]"), "cc[0]");
        String start = "2027-05-10";
        String reversed = valid.replaceFirst("\"startDate\": \"[^\"]+\", \"endDate\": \"[^\"]+\"",
                "\"startDate\": \"" + start + "\", \"endDate\": \"2027-05-09\"");
        assertInvalid(reversed, "endDate");
    }

    @Test
    void anEnumGivenAsItsIndexIsRefusedOnCreateAndUpdate() {
        String id = newConferenceId("enum-index");
        String asIndex = conferenceJson(id, 10, null).replace("\"organiserNotifications\": \"IMMEDIATE\"",
                "\"organiserNotifications\": 1");

        assertInvalid(asIndex, "organiserNotifications");
        assertInvalid(asIndex.replace(": 1}", ": \"1\"}"), "organiserNotifications");
        assertThat(get("/api/conferences/" + id, "application/json", null).statusCode()).as("nothing stored")
                .isEqualTo(404);

        createConferenceWithId(id);
        HttpResponse<String> update = putJson("/api/conferences/" + id, asIndex);
        assertThat(update.statusCode()).isEqualTo(400);
        assertThat(errorFields(update)).containsExactly("organiserNotifications");
        assertThat(json(get("/api/conferences/" + id, "application/json", ORGANISER))
                .path("organiserNotifications").asString()).isEqualTo("IMMEDIATE");
    }

    @Test
    void anonymousCallersCannotCreateConferences() {
        HttpResponse<String> response = postJson("/api/conferences", conferenceJson(newConferenceId("anon"), 10, null), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(get("/api/conferences/" + "anon-missing", "application/json", null).statusCode()).isEqualTo(404);
    }

    @Test
    void thePublicSeesSeatsAndWaitlistButNotTheCcAddresses() {
        String id = createConference("public", 1);
        register(id, registrationJson("Ana", "Petrova", "ana@example.org"));
        register(id, registrationJson("Boris", "Georgiev", "boris@example.org"));

        HttpResponse<String> response = get("/api/conferences/" + id, "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode conference = json(response);
        assertThat(conference.path("seatsLeft").asInt()).isZero();
        assertThat(conference.path("waitlistLength").asInt()).isEqualTo(1);
        assertThat(conference.path("title").path("bg").asString()).isEqualTo("Форум за интеграция");
        assertThat(conference.has("cc")).isFalse();
        assertThat(response.body()).doesNotContain("team@eforum.example.org");

        JsonNode asOrganiser = json(get("/api/conferences/" + id, "application/json", ORGANISER));
        assertThat(asOrganiser.path("cc").get(0).asString()).isEqualTo("team@eforum.example.org");
    }

    @Test
    void aNewConferenceIsPublishedKeyedByItsId() {
        String id = createConference("published", 30);

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(20)).until(
                () -> EventLog.readAll(bootstrapServers, Topics.CONFERENCES).stream()
                        .filter(r -> id.equals(r.key())).findFirst().orElse(null),
                r -> r != null);

        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("org.eforum.conference.changed.v1");
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        JsonNode data = JSON.readTree(record.value());
        assertThat(data.path("conference").path("id").asString()).isEqualTo(id);
        assertThat(data.path("conference").path("capacity").asInt()).isEqualTo(30);
        assertThat(data.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void anOrganiserChangesTheCapacityButNeverBelowTheSeatsTaken() {
        String id = createConference("update", 3);
        register(id, registrationJson("Ana", "Petrova", "ana@example.org"));
        register(id, registrationJson("Boris", "Georgiev", "boris@example.org"));

        HttpResponse<String> bigger = putJson("/api/conferences/" + id, conferenceJson(id, 10, null));
        HttpResponse<String> tooSmall = putJson("/api/conferences/" + id, conferenceJson(id, 1, null));
        HttpResponse<String> otherId = putJson("/api/conferences/" + id, conferenceJson(id + "-x", 10, null));

        assertThat(bigger.statusCode()).isEqualTo(200);
        assertThat(json(bigger).path("capacity").asInt()).isEqualTo(10);
        assertThat(json(bigger).path("seatsLeft").asInt()).isEqualTo(8);
        assertThat(tooSmall.statusCode()).isEqualTo(409);
        assertThat(json(tooSmall).path("title").asString()).isEqualTo("Capacity below confirmed registrations");
        assertThat(otherId.statusCode()).isEqualTo(409);
        assertThat(json(get("/api/conferences/" + id, "application/json", null)).path("seatsLeft").asInt()).isEqualTo(8);
    }

    private void createConferenceWithId(String id) {
        assertThat(postJson("/api/conferences", conferenceJson(id, 10, null), ORGANISER).statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> putJson(String path, String body) {
        return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .header("Authorization", ORGANISER)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private void assertInvalid(String body, String field) {
        HttpResponse<String> response = postJson("/api/conferences", body, ORGANISER);
        assertThat(response.statusCode()).as("status for a bad %s", field).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(errorFields(response)).as("errors for a bad %s: %s", field, response.body()).contains(field);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
