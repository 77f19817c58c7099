package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.notification.delivery.Deliveries;
import org.eforum.notification.delivery.Delivery;
import org.eforum.notification.delivery.DeliveryStatus;
import org.eforum.notification.mail.MailKind;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A registration's mail of one kind to one recipient is delivered once, however often its event arrives. */
class ExactlyOnceIT extends IntegrationTest {

    @Autowired
    Deliveries deliveries;

    @Test
    void theSameEventDeliveredFiveTimesSendsOneMailToEachRecipient() {
        String contact = unique("contact") + "@forum.example.org";
        String cc = unique("cc") + "@forum.example.org";
        String email = unique("once") + "@example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana", contact),
                List.of(cc), OrganiserNotifications.IMMEDIATE);
        RegistrationConfirmed event = Fixtures.confirmed(unique("reg"), 1,
                participant("Olga", "Once", email, "en"), conference);

        RecordMetadata last = null;
        for (int i = 0; i < 5; i++) {
            last = publish(Topics.REGISTRATIONS, event);
        }
        awaitConsumed(last);

        assertThat(inbox(email)).hasSize(1);
        assertThat(inbox(contact)).hasSize(1);
        assertThat(inbox(cc)).hasSize(1);
        List<Delivery> log = deliveries.ofRegistration(event.registrationId());
        assertThat(log).extracting(Delivery::kind)
                .containsExactlyInAnyOrder(MailKind.PARTICIPANT_CONFIRMED, MailKind.ORGANISER_REGISTERED);
        assertThat(log).allSatisfy(delivery -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.sentAt()).isNotNull();
            assertThat(delivery.id()).startsWith(event.eventId() + ":" + delivery.kind() + ":");
        });
        assertThat(log).filteredOn(d -> d.kind() == MailKind.PARTICIPANT_CONFIRMED).singleElement()
                .satisfies(d -> assertThat(d.messageId()).isEqualTo(inbox(email).get(0).messageId()));
    }

    @Test
    void anSmtpFailureIsRecordedAndRetriedUntilTheMailIsSentOnce() {
        String email = unique("retry") + "@example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"),
                new Contact("Ana", unique("contact") + "@forum.example.org"), List.of(), OrganiserNotifications.NONE);
        RegistrationConfirmed event = Fixtures.confirmed(unique("reg"), 1,
                participant("Rita", "Retry", email, "en"), conference);

        greenMail.stop();
        try {
            publish(Topics.REGISTRATIONS, event);
            Delivery failing = await().atMost(PATIENCE).until(() -> participantDelivery(event),
                    d -> d != null && d.lastError() != null);
            assertThat(failing.status()).isEqualTo(DeliveryStatus.RETRYING);
            assertThat(failing.attempts()).isGreaterThanOrEqualTo(1);
            assertThat(failing.lastError()).containsIgnoringCase("mail");
        } finally {
            greenMail.start();
        }

        Delivery sent = await().atMost(PATIENCE).until(() -> participantDelivery(event),
                d -> d.status() == DeliveryStatus.SENT);
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
        List<ReceivedMail> mails = awaitInbox(email, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).messageId()).isEqualTo(sent.messageId());
    }

    private Delivery participantDelivery(RegistrationConfirmed event) {
        return deliveries.ofRegistration(event.registrationId()).stream()
                .filter(d -> d.kind() == MailKind.PARTICIPANT_CONFIRMED).findFirst().orElse(null);
    }
}
