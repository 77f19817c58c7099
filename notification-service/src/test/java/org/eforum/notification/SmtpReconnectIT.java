package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.notification.delivery.Deliveries;
import org.eforum.notification.delivery.DeliveryStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail goes over SMTP connections kept open from one mail to the next. When the server drops them (here: it
 * restarts between two bursts of registrations), the next mails still arrive, each once, without waiting for a
 * retry of their event: the dropped connection is replaced on the spot.
 */
class SmtpReconnectIT extends IntegrationTest {

    private static final int PER_BURST = 12;

    @Autowired
    Deliveries deliveries;

    @Test
    void mailsAfterTheServerDroppedTheOpenConnectionsArriveOnceEachWithoutARetry() throws Exception {
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"),
                new Contact("Ana", unique("contact") + "@forum.example.org"), List.of(), OrganiserNotifications.NONE);
        String before = unique("before").toLowerCase() + ".example.org";
        burst(conference, before);
        await().atMost(PATIENCE).until(() -> greenMail.getReceivedMessagesForDomain(before).length >= PER_BURST);

        // Closes every open SMTP session: the connections the service keeps are now dead.
        greenMail.stop();
        greenMail.start();

        String after = unique("after").toLowerCase() + ".example.org";
        List<RegistrationConfirmed> events = burst(conference, after);
        await().atMost(PATIENCE).until(() -> greenMail.getReceivedMessagesForDomain(after).length >= PER_BURST);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> greenMail.getReceivedMessagesForDomain(after).length == PER_BURST);

        Map<String, Integer> perParticipant = new HashMap<>();
        for (MimeMessage mail : greenMail.getReceivedMessagesForDomain(after)) {
            perParticipant.merge(mail.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        assertThat(perParticipant).hasSize(PER_BURST).allSatisfy((address, count) -> assertThat(count).isEqualTo(1));
        for (RegistrationConfirmed event : events) {
            assertThat(deliveries.ofRegistration(event.registrationId())).singleElement().satisfies(delivery -> {
                assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
                // Sent by the first attempt: the event was not retried.
                assertThat(delivery.attempts()).isEqualTo(1);
                assertThat(delivery.lastError()).isNull();
            });
        }
    }

    private List<RegistrationConfirmed> burst(ConferenceSnapshot conference, String domain) {
        List<RegistrationConfirmed> events = new ArrayList<>();
        for (int i = 0; i < PER_BURST; i++) {
            RegistrationConfirmed event = Fixtures.confirmed(unique("reg"), 1,
                    participant("Person", "No" + i, "p" + i + "@" + domain, "en"), conference);
            events.add(event);
            publish(Topics.REGISTRATIONS, event);
        }
        return events;
    }
}
