package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.TITLE_BG;
import static org.eforum.notification.Fixtures.TITLE_EN;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.ParticipantMessaged;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisers wrote to the participants: each recipient gets one mail in their language (the organisers' words
 * escaped, their line breaks kept), once per event however often Kafka delivers it, logged with its own kind; the
 * organisers get no mail of it.
 */
class ParticipantMessageMailIT extends IntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final String contact = unique("contact") + "@forum.example.org";
    private final ConferenceSnapshot conference = conference(unique("forum"), List.of("bg", "en"),
            new Contact("Мария Иванова", contact), List.of(), OrganiserNotifications.IMMEDIATE);

    @Test
    void eachRecipientGetsTheMessageOnceInTheirLanguageAndARedeliveryMailsNothingMore() throws Exception {
        String messageId = UUID.randomUUID().toString();
        String ivana = unique("ivana") + "@example.org";
        String george = unique("george") + "@example.org";
        ParticipantMessaged toIvana = messaged(unique("reg"), participant("Ивана", "Георгиева", ivana, "bg"), messageId,
                "bg", "Програмата", "Уважаеми участници,\nпрограмата е <готова>.\n\nДо скоро!");
        ParticipantMessaged toGeorge = messaged(unique("reg"), participant("George", "Brown", george, "en"), messageId,
                "en", "The programme", "Dear participants,\nthe programme is <ready>.\n\nSee you soon!");

        publish(Topics.REGISTRATIONS, toIvana);
        publish(Topics.REGISTRATIONS, toGeorge);
        ReceivedMail inBulgarian = awaitInbox(ivana, 1).get(0);
        ReceivedMail inEnglish = awaitInbox(george, 1).get(0);
        // The same events again, as a redelivery or the outbox relay's re-publish after a crash would bring them.
        publish(Topics.REGISTRATIONS, toIvana);
        RecordMetadata again = publish(Topics.REGISTRATIONS, toGeorge);
        awaitConsumed(again);

        assertThat(inbox(ivana)).hasSize(1);
        assertThat(inbox(george)).hasSize(1);
        assertThat(inBulgarian.subject()).isEqualTo(TITLE_BG + ": Програмата");
        assertThat(inBulgarian.contentLanguage()).isEqualTo("bg");
        assertThat(inBulgarian.text().replace("\r\n", "\n")).contains("Уважаеми участници,\nпрограмата е <готова>.",
                Fixtures.selfServiceUrl(toIvana.registrationId()));
        assertThat(inBulgarian.html()).contains("програмата е &lt;готова&gt;.").doesNotContain("<готова>");
        assertThat(inEnglish.subject()).isEqualTo(TITLE_EN + ": The programme");
        assertThat(inEnglish.contentLanguage()).isEqualTo("en");
        // A 7-bit text part travels with CR LF line ends, a base64 one as written: compare the lines.
        assertThat(inEnglish.text().replace("\r\n", "\n")).contains("The organisers of " + TITLE_EN + " write to you",
                "Dear participants,\nthe programme is <ready>.", "See you soon!");
        assertThat(inEnglish.html()).contains("the programme is &lt;ready&gt;.", "See you soon!",
                "href=\"" + Fixtures.selfServiceUrl(toGeorge.registrationId()) + "\"");
        assertThat(inbox(contact)).as("no organiser mail").isEmpty();

        JsonNode log = await().atMost(PATIENCE).until(() -> json.readTree(get("/api/notifications?registrationId="
                + toGeorge.registrationId()).body()), entries -> entries.size() == 1
                && "SENT".equals(entries.get(0).path("status").asString()));
        assertThat(log.get(0).path("kind").asString()).isEqualTo("PARTICIPANT_MESSAGE");
        assertThat(log.get(0).path("recipient").asString()).isEqualTo(george);
        assertThat(log.get(0).path("language").asString()).isEqualTo("en");
        assertThat(log.get(0).path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aSecondMessageIsAMailOfItsOwn() {
        String email = unique("vera") + "@example.org";
        String registrationId = unique("reg");
        Participant vera = participant("Vera", "Brown", email, "en");
        publish(Topics.REGISTRATIONS, messaged(registrationId, vera, UUID.randomUUID().toString(), "en", "First",
                "One."));
        awaitInbox(email, 1);

        publish(Topics.REGISTRATIONS, messaged(registrationId, vera, UUID.randomUUID().toString(), "en", "Second",
                "Two."));

        assertThat(awaitInbox(email, 2)).extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder(TITLE_EN + ": First", TITLE_EN + ": Second");
    }

    private ParticipantMessaged messaged(String registrationId, Participant participant, String messageId,
            String language, String subject, String body) {
        return new ParticipantMessaged(UUID.randomUUID(), Instant.now(), registrationId, 1, participant, conference,
                Fixtures.selfServiceUrl(registrationId), RegistrationStatus.CONFIRMED, messageId, language, subject, body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("operator:operator-test".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
