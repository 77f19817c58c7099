package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator answering "I never got my confirmation": the latest deliveries across conferences, filtered by
 * conference, status and recipient, and the mail each one sent, as sent (with the self-service token blanked).
 */
class RecentDeliveriesIT extends IntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void anOperatorFindsAParticipantsMailAndReadsItAsSent() throws Exception {
        String email = unique("Never.Got") + "@example.org";
        String contact = unique("contact") + "@forum.example.org";
        ConferenceSnapshot conference = conference(unique("ops-mail"), List.of("en"), new Contact("Ana", contact),
                List.of(), OrganiserNotifications.IMMEDIATE);
        RegistrationConfirmed event = Fixtures.confirmed(unique("reg"), 1,
                participant("Mira", "Mailova", email, "en"), conference);
        publish(Topics.REGISTRATIONS, event);
        awaitInbox(email, 1);

        // Any part of the address, any case.
        String search = email.substring(0, email.indexOf('@')).toLowerCase();
        JsonNode found = await().atMost(PATIENCE).until(() -> json.readTree(operator(
                "/api/notifications/deliveries?recipient=" + encode(search)).body()), list -> list.size() == 1
                        && "SENT".equals(list.get(0).get("status").asString()));
        JsonNode delivery = found.get(0);
        assertThat(delivery.get("kind").asString()).isEqualTo("PARTICIPANT_CONFIRMED");
        assertThat(delivery.get("conferenceId").asString()).isEqualTo(conference.id());
        assertThat(delivery.get("language").asString()).isEqualTo("en");
        assertThat(json.readTree(operator("/api/notifications/deliveries?conferenceId=" + conference.id()).body()))
                .hasSize(2);
        assertThat(json.readTree(operator("/api/notifications/deliveries?conferenceId=" + conference.id()
                + "&status=FAILED").body())).isEmpty();

        HttpResponse<String> mail = operator("/api/notifications/deliveries/" + encode(delivery.get("id").asString())
                + "/mail");
        assertThat(mail.statusCode()).as(mail.body()).isEqualTo(200);
        JsonNode sent = json.readTree(mail.body());
        assertThat(sent.get("to").asString()).contains(email);
        assertThat(sent.get("subject").asString()).isNotBlank();
        assertThat(sent.get("text").asString()).contains("Mira", "?token=[hidden]")
                .doesNotContain("token=tok" + event.registrationId().hashCode());
        assertThat(sent.get("html").asString()).contains("token=[hidden]");

        // An erasure takes the copies away with the address.
        awaitConsumed(publish(Topics.ERASURES, new ErasureRequested(UUID.randomUUID(), Instant.now(),
                EmailHash.of(email), "operator")));
        assertThat(operator("/api/notifications/deliveries/" + encode(delivery.get("id").asString()) + "/mail")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void onlyOperatorsSeeEveryConferencesMailAndBadFiltersAreRefused() throws Exception {
        assertThat(get("/api/notifications/deliveries", "organiser", "organiser-test").statusCode()).isEqualTo(403);
        HttpResponse<String> badStatus = operator("/api/notifications/deliveries?status=LOST");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(operator("/api/notifications/deliveries?limit=0").statusCode()).isEqualTo(400);
        assertThat(operator("/api/notifications/deliveries/nothing/mail").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> operator(String path) throws Exception {
        return get(path, "operator", "operator-test");
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
