package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationMailResent;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organiser had the participant's mail sent again: the mail of the registration's current status arrives once
 * more, once per resend however often Kafka delivers the event, and the delivery log shows it as a second delivery;
 * the organisers get nothing for it.
 */
class MailResentIT extends IntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final String contact = unique("contact") + "@forum.example.org";
    private final ConferenceSnapshot conference = conference(unique("forum"), List.of("en"),
            new Contact("Maria Ivanova", contact), List.of(), OrganiserNotifications.IMMEDIATE);

    @Test
    void aResendSendsTheConfirmedMailOnceMoreAndARedeliveredResendNothing() throws Exception {
        String registrationId = unique("reg");
        String email = unique("rosa") + "@example.org";
        Participant rosa = participant("Rosa", "Resent", email, "en");
        publish(Topics.CONFERENCES, Fixtures.changed(1, conference));
        RegistrationConfirmed confirmed = Fixtures.confirmed(registrationId, 1, rosa, conference);
        publish(Topics.REGISTRATIONS, confirmed);
        awaitInbox(email, 1);
        awaitInbox(contact, 1);

        // As registration-service publishes it: the participant sealed with their key.
        PersonKey key = PersonKey.generate(EmailHash.of(email));
        publish(Topics.PERSON_KEYS, key.issued(Instant.now()));
        RegistrationMailResent resent = Fixtures.mailResent(registrationId, 1, rosa, conference,
                RegistrationStatus.CONFIRMED, false);
        publish(Topics.REGISTRATIONS, PersonalData.seal(resent, key));
        List<ReceivedMail> mails = awaitInbox(email, 2);
        // The same resend again, as a redelivery or the relay's re-publish after a crash would bring it.
        RecordMetadata again = publish(Topics.REGISTRATIONS, PersonalData.seal(resent, key));
        awaitConsumed(again);

        assertThat(inbox(email)).hasSize(2);
        assertThat(mails).extracting(ReceivedMail::subject).containsOnly(mails.get(0).subject());
        assertThat(mails.get(1).subject()).contains(TITLE_EN);
        assertThat(mails.get(1).text()).contains(Fixtures.selfServiceUrl(registrationId))
                .as("the address is not confirmed yet: asked for again").contains("Confirm my address");
        assertThat(inbox(contact)).as("the organisers asked for it: no mail to them").hasSize(1);

        JsonNode log = await().atMost(PATIENCE).until(() -> json.readTree(deliveryLog(registrationId)),
                entries -> participantDeliveries(entries).size() == 2
                        && participantDeliveries(entries).stream().allMatch(e -> "SENT".equals(e.get("status").asString())));
        assertThat(participantDeliveries(log)).extracting(entry -> entry.get("eventId").asString())
                .containsExactly(confirmed.eventId().toString(), resent.eventId().toString());
        assertThat(participantDeliveries(log)).allSatisfy(entry -> assertThat(entry.get("attempts").asInt()).isEqualTo(1));
    }

    @Test
    void aWaitlistedRegistrationGetsTheWaitlistedMailAgainNoLongerAskingForAConfirmedAddress() {
        String registrationId = unique("reg");
        String email = unique("wanda") + "@example.org";
        Participant wanda = participant("Wanda", "Waiting", email, "en");
        publish(Topics.REGISTRATIONS, Fixtures.waitlisted(registrationId, 1, wanda, conference));
        ReceivedMail first = awaitInbox(email, 1).get(0);
        assertThat(first.text()).contains("Confirm my address");

        publish(Topics.REGISTRATIONS, Fixtures.mailResent(registrationId, 2, wanda, conference,
                RegistrationStatus.WAITLISTED, true));

        ReceivedMail again = awaitInbox(email, 2).get(1);
        assertThat(again.subject()).isEqualTo(first.subject());
        assertThat(again.text()).doesNotContain("Confirm my address");
    }

    private static List<JsonNode> participantDeliveries(JsonNode log) {
        return StreamSupport.stream(log.spliterator(), false)
                .filter(entry -> "PARTICIPANT_CONFIRMED".equals(entry.get("kind").asString())).toList();
    }

    private String deliveryLog(String registrationId) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("operator:operator-test".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/notifications?registrationId=" + registrationId))
                .header("Authorization", "Basic " + credentials).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
