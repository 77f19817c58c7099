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
import java.util.ArrayList;
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

/** For a DIGEST conference, a registration's delivery log lists the digest that told the organisers about it. */
class DigestInDeliveryLogIT extends IntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theDigestThatListedTheRegistrationIsInItsDeliveryLog() throws Exception {
        String contact = unique("digest-log") + "@forum.example.org";
        ConferenceSnapshot conference = conference(unique("digest-log"), List.of("en"), new Contact("Ana", contact),
                List.of(), OrganiserNotifications.DIGEST);
        String email = unique("in-digest") + "@example.org";
        RegistrationConfirmed event = Fixtures.confirmed(unique("reg"), 1, participant("Dana", "Digest", email, "en"),
                conference);
        publish(Topics.CONFERENCES, Fixtures.changed(1, conference)); // its team: the organiser reading the log
        publish(Topics.REGISTRATIONS, event);
        awaitInbox(contact, 1); // the digest of the window

        JsonNode log = await().atMost(PATIENCE).ignoreExceptions().until(() -> json.readTree(get(
                "/api/notifications?registrationId=" + event.registrationId()).body()), entries -> kinds(entries)
                        .containsAll(List.of("PARTICIPANT_CONFIRMED", "ORGANISER_DIGEST")));

        JsonNode digest = null;
        for (JsonNode entry : log) {
            if ("ORGANISER_DIGEST".equals(entry.get("kind").asString())) {
                digest = entry;
            }
        }
        assertThat(digest.get("recipient").asString()).isEqualTo(contact);
        assertThat(digest.get("status").asString()).isEqualTo("SENT");
        assertThat(digest.get("conferenceId").asString()).isEqualTo(conference.id());
        assertThat(kinds(log)).as("no immediate organiser mail in DIGEST mode").doesNotContain("ORGANISER_REGISTERED");
    }

    private static List<String> kinds(JsonNode entries) {
        List<String> kinds = new ArrayList<>();
        entries.forEach(entry -> kinds.add(entry.get("kind").asString()));
        return kinds;
    }

    private HttpResponse<String> get(String path) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("organiser:organiser-test".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
