package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An invitation to an organiser account, sealed with the invitee's key as registration-service publishes it, is
 * mailed once in its language with the link that sets the password, however often it arrives, and logged as
 * {@code ORGANISER_INVITATION}; an erased invitee gets nothing.
 */
class InvitationMailIT extends IntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theInvitationIsMailedOnceInItsLanguageWithTheLinkAndLogged() throws Exception {
        String bulgarian = unique("petya") + "@example.org";
        String english = unique("peter") + "@example.org";
        OrganiserInvited toPetya = invitation("petya-" + UUID.randomUUID().toString().substring(0, 6), bulgarian,
                "Петя Георгиева", "bg");
        OrganiserInvited toPeter = invitation("peter-" + UUID.randomUUID().toString().substring(0, 6), english, null,
                "en");
        PersonKey petyasKey = PersonKey.generate(EmailHash.of(bulgarian));
        PersonKey petersKey = PersonKey.generate(EmailHash.of(english));
        publish(Topics.PERSON_KEYS, petyasKey.issued(Instant.now()));
        publish(Topics.PERSON_KEYS, petersKey.issued(Instant.now()));

        publish(Topics.ACCOUNTS, PersonalData.seal(toPetya, petyasKey));
        publish(Topics.ACCOUNTS, PersonalData.seal(toPeter, petersKey));
        ReceivedMail inBulgarian = awaitInbox(bulgarian, 1).get(0);
        ReceivedMail inEnglish = awaitInbox(english, 1).get(0);
        // The same events again, as a redelivery or the relay's re-publish after a crash would bring them.
        publish(Topics.ACCOUNTS, PersonalData.seal(toPetya, petyasKey));
        awaitConsumed(publish(Topics.ACCOUNTS, PersonalData.seal(toPeter, petersKey)));

        assertThat(inbox(bulgarian)).hasSize(1);
        assertThat(inbox(english)).hasSize(1);
        assertThat(inBulgarian.subject()).isEqualTo("Вашата покана за E-Forum за организатори");
        assertThat(inBulgarian.contentLanguage()).isEqualTo("bg");
        assertThat(inBulgarian.text()).contains("Здравейте, Петя Георгиева,", toPetya.username(),
                toPetya.invitationUrl());
        assertThat(inBulgarian.html()).contains("href=\"" + toPetya.invitationUrl().replace("&", "&amp;") + "\"");
        assertThat(inEnglish.subject()).isEqualTo("Your invitation to E-Forum for organisers");
        assertThat(inEnglish.contentLanguage()).isEqualTo("en");
        assertThat(inEnglish.text()).contains("Dear " + toPeter.username() + ",", "Your username: "
                + toPeter.username(), toPeter.invitationUrl(), "(Sofia time)");

        JsonNode log = await().atMost(PATIENCE).until(() -> json.readTree(get(
                "/api/notifications/deliveries?recipient=" + english).body()), entries -> entries.size() == 1
                && "SENT".equals(entries.get(0).path("status").asString()));
        assertThat(log.get(0).path("kind").asString()).isEqualTo("ORGANISER_INVITATION");
        assertThat(log.get(0).path("language").asString()).isEqualTo("en");
        assertThat(log.get(0).path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void anErasedInviteeIsNotMailed() {
        String email = unique("erased") + "@example.org";
        PersonKey key = PersonKey.generate(EmailHash.of(email));
        publish(Topics.PERSON_KEYS, key.issued(Instant.now()));
        publishRaw(Topics.PERSON_KEYS, null, key.personId(), null); // shredded before the invitation was read

        RecordMetadata invitation = publish(Topics.ACCOUNTS, PersonalData.seal(invitation("gone-"
                + UUID.randomUUID().toString().substring(0, 6), email, null, "en"), key));
        awaitConsumed(invitation);

        assertThat(inbox(email)).isEmpty();
    }

    private static OrganiserInvited invitation(String username, String email, String displayName, String language) {
        String id = UUID.randomUUID().toString();
        return new OrganiserInvited(UUID.randomUUID(), Instant.now(), username, id, language,
                Instant.now().plus(Duration.ofDays(7)), "operator", displayName, email,
                "http://localhost:8081/organiser/invitations/" + id + "?token=" + UUID.randomUUID() + "&lang="
                        + language);
    }

    private HttpResponse<String> get(String path) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("operator:operator-test".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
