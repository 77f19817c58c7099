package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Organisers and operators can see what was sent for a registration; nobody else can. */
class DeliveryLogApiIT extends IntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void organisersAndOperatorsSeeTheSentMailsOfARegistration() throws Exception {
        String contact = unique("contact") + "@forum.example.org";
        String email = unique("logged") + "@example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("bg"), new Contact("Ana", contact),
                List.of(), OrganiserNotifications.IMMEDIATE);
        RegistrationConfirmed event = Fixtures.confirmed(unique("reg"), 1,
                participant("Lora", "Logged", email, "en"), conference);
        publish(Topics.CONFERENCES, Fixtures.changed(1, conference));
        publish(Topics.REGISTRATIONS, event);
        String messageId = awaitInbox(email, 1).get(0).messageId();
        awaitInbox(contact, 1);

        JsonNode log = await().atMost(PATIENCE).until(
                () -> json.readTree(get("/api/notifications?registrationId=" + event.registrationId(),
                        "organiser", "organiser-test").body()),
                entries -> entries.size() == 2 && allSent(entries));

        JsonNode participant = entry(log, "PARTICIPANT_CONFIRMED");
        assertThat(participant.get("id").asString()).isEqualTo(
                event.eventId() + ":PARTICIPANT_CONFIRMED:" + org.eforum.contracts.event.EmailHash.of(email));
        assertThat(participant.get("registrationId").asString()).isEqualTo(event.registrationId());
        assertThat(participant.get("eventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(participant.get("recipient").asString()).isEqualTo(email);
        assertThat(participant.get("language").asString()).isEqualTo("en");
        assertThat(participant.get("attempts").asInt()).isEqualTo(1);
        assertThat(participant.get("lastError").isNull()).isTrue();
        assertThat(participant.get("updatedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
        assertThat(participant.get("messageId").asString()).isEqualTo(messageId);
        JsonNode organiser = entry(log, "ORGANISER_REGISTERED");
        assertThat(organiser.get("recipient").asString()).isEqualTo(contact);
        assertThat(organiser.get("language").asString()).isEqualTo("bg");

        HttpResponse<String> asOperator = get("/api/notifications?registrationId=" + event.registrationId(),
                "operator", "operator-test");
        assertThat(asOperator.statusCode()).isEqualTo(200);
        assertThat(json.readTree(asOperator.body()).size()).isEqualTo(2);
    }

    @Test
    void anOrganiserOutsideTheConferencesTeamIsRefusedTheLog() throws Exception {
        String email = unique("teamed") + "@example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana",
                unique("contact") + "@forum.example.org"), List.of(), OrganiserNotifications.NONE);
        RegistrationConfirmed event = Fixtures.confirmed(unique("reg"), 1,
                participant("Tina", "Teamed", email, "en"), conference);
        publish(Topics.CONFERENCES, Fixtures.changed(1, conference));
        publish(Topics.REGISTRATIONS, event);
        awaitInbox(email, 1);
        String path = "/api/notifications?registrationId=" + event.registrationId();
        await().atMost(PATIENCE).until(() -> get(path, "organiser", "organiser-test").statusCode() == 200);

        HttpResponse<String> outside = get(path, "organiser2", "organiser-test");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(outside.body()).doesNotContain(email);

        publish(Topics.CONFERENCES, Fixtures.changed(2, conference, List.of("organiser", "organiser2")));
        await().atMost(PATIENCE).until(() -> get(path, "organiser2", "organiser-test").statusCode() == 200);
        assertThat(get(path, "organiser2", "organiser-test").body()).contains(email);
    }

    @Test
    void anUnknownRegistrationHasAnEmptyLog() throws Exception {
        HttpResponse<String> response = get("/api/notifications?registrationId=nobody", "organiser", "organiser-test");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).isArray()).isTrue();
        assertThat(json.readTree(response.body()).size()).isZero();
    }

    @Test
    void theRegistrationIdIsRequired() throws Exception {
        for (String path : List.of("/api/notifications", "/api/notifications?registrationId=%20")) {
            HttpResponse<String> response = get(path, "organiser", "organiser-test");
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(400);
        }
    }

    @Test
    void anonymousCallersAreUnauthorisedAndAccountsWithoutARoleForbidden() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create(base() + "/api/notifications?registrationId=x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
        assertThat(get("/api/notifications?registrationId=x", "organiser", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/notifications?registrationId=x", "guest", "guest-test").statusCode()).isEqualTo(403);
    }

    @Test
    void refusalsAreProblemDetailsLikeEveryOtherError() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create(base() + "/api/notifications?registrationId=x")).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongPassword = get("/api/notifications?registrationId=x", "operator", "not-it");
        HttpResponse<String> noRole = get("/api/notifications?registrationId=x", "guest", "guest-test");
        HttpResponse<String> organiserOnOperatorsList = get("/api/notifications/deliveries", "organiser", "organiser-test");

        for (HttpResponse<String> refused : List.of(anonymous, wrongPassword, noRole, organiserOnOperatorsList)) {
            assertThat(refused.headers().firstValue("Content-Type")).as(refused.uri().toString())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(refused.body()).get("status").asInt()).isEqualTo(refused.statusCode());
        }
        assertThat(List.of(anonymous.statusCode(), wrongPassword.statusCode(), noRole.statusCode(),
                organiserOnOperatorsList.statusCode())).containsExactly(401, 401, 403, 403);
    }

    @Test
    void repeatedWrongPasswordsForOneNameAreRefusedForAWhile() throws Exception {
        String user = "mallory";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(get("/api/notifications?registrationId=x", user, "guess-" + attempt).statusCode())
                    .as("attempt %d", attempt).isEqualTo(401);
        }

        HttpResponse<String> throttled = get("/api/notifications?registrationId=x", user, "guess-6");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 300L));
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("/api/notifications?registrationId=x", "organiser", "organiser-test").statusCode())
                .as("another account from the same address").isEqualTo(200);
    }

    @Test
    void healthIsPublic() throws Exception {
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(health.body()).get("status").asString()).as(health.body()).isEqualTo("UP");
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static boolean allSent(JsonNode entries) {
        for (JsonNode entry : entries) {
            if (!"SENT".equals(entry.get("status").asString())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode entry(JsonNode log, String kind) {
        for (JsonNode entry : log) {
            if (kind.equals(entry.get("kind").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no " + kind + " in " + log);
    }
}
