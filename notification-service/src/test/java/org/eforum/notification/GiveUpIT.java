package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.notification.delivery.Deliveries;
import org.eforum.notification.delivery.Delivery;
import org.eforum.notification.delivery.DeliveryStatus;
import org.eforum.notification.mail.MailKind;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * When the retries run out, the event goes to the dead-letter topic exactly as the platform does it, and its
 * deliveries become FAILED with the last error; a re-drive of the event, once SMTP is back, sends the mail.
 * Its own context (three quick retries instead of the shared minute), closed after the class so its broker and
 * consumers do not linger beside the shared context.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"eforum.kafka.retry.max-retries=2", "eforum.kafka.retry.initial-interval=100ms",
        "eforum.kafka.retry.max-interval=200ms"})
class GiveUpIT extends IntegrationTest {

    @Autowired
    Deliveries deliveries;

    @Autowired
    MeterRegistry meters;

    @Test
    void afterTheLastRetryTheDeliveriesAreFailedTheEventIsDeadLetteredAndARedriveSendsThem() {
        String email = unique("giveup") + "@example.org";
        String contact = unique("contact") + "@forum.example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana", contact),
                List.of(), OrganiserNotifications.IMMEDIATE);
        RegistrationConfirmed event = Fixtures.confirmed(unique("reg"), 1,
                participant("Gabi", "GiveUp", email, "en"), conference);
        double failedBefore = count("eforum.mail.failed", MailKind.PARTICIPANT_CONFIRMED);
        double retriedBefore = count("eforum.mail.retried", MailKind.PARTICIPANT_CONFIRMED);

        greenMail.stop();
        try {
            publish(Topics.REGISTRATIONS, event);
            ConsumerRecord<String, byte[]> deadLetter = await().atMost(PATIENCE).until(
                    () -> EventLog.readAll(bootstrapServers, Topics.deadLetterTopicOf(Topics.REGISTRATIONS)).stream()
                            .filter(r -> event.registrationId().equals(r.key())).findFirst(), Optional::isPresent)
                    .get();
            assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
            assertThat(deadLetter.headers().lastHeader("ce_id")).isNotNull();

            List<Delivery> log = await().atMost(PATIENCE).until(() -> deliveries.ofRegistration(event.registrationId()),
                    l -> l.size() == 2 && l.stream().allMatch(d -> d.status() == DeliveryStatus.FAILED));
            assertThat(log).allSatisfy(delivery -> {
                assertThat(delivery.gaveUp()).isTrue();
                assertThat(delivery.attempts()).isEqualTo(3); // the first try and two retries
                assertThat(delivery.lastError()).containsIgnoringCase("mail");
            });
            assertThat(count("eforum.mail.failed", MailKind.PARTICIPANT_CONFIRMED)).isEqualTo(failedBefore + 1);
            assertThat(count("eforum.mail.retried", MailKind.PARTICIPANT_CONFIRMED)).isEqualTo(retriedBefore + 3);
        } finally {
            greenMail.start();
        }

        // The operator re-drives the dead letter: the same event again, with the same id.
        publish(Topics.REGISTRATIONS, event);
        assertThat(awaitInbox(email, 1)).hasSize(1);
        assertThat(awaitInbox(contact, 1)).hasSize(1);
        List<Delivery> sent = await().atMost(PATIENCE).until(() -> deliveries.ofRegistration(event.registrationId()),
                l -> l.stream().allMatch(d -> d.status() == DeliveryStatus.SENT));
        assertThat(sent).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(4));
    }

    private double count(String name, MailKind kind) {
        return meters.get(name).tag("kind", kind.name()).counter().count();
    }
}
