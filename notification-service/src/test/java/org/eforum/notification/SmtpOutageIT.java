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
import org.eforum.notification.mail.MailKind;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SMTP stopped while 100 registrations arrive, until each consumer has retried its mail through the outage: once
 * it is back, exactly 100 participant mails and 100 organiser mails (contact in To, the cc in Cc) go out without
 * anybody doing anything, none twice, and nothing is dead-lettered (the shared test configuration retries for
 * about a minute).
 */
class SmtpOutageIT extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(SmtpOutageIT.class);
    private static final int REGISTRATIONS = 100;
    /** The longest the outage may take to show: the retries back off to 1 s (see {@link IntegrationTest}). */
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int RETRIES_DURING_OUTAGE = 8;

    @Autowired
    Deliveries deliveries;

    @Test
    void aHundredRegistrationsDuringAnOutageAreEachMailedExactlyOnceAfterwards() throws Exception {
        String contact = unique("outage-contact") + "@forum.example.org";
        String cc = unique("outage-cc") + "@forum.example.org";
        String domain = unique("outage").toLowerCase() + ".example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana", contact),
                List.of(cc), OrganiserNotifications.IMMEDIATE);
        int deadLettersBefore = EventLog.readAll(bootstrapServers, Topics.deadLetterTopicOf(Topics.REGISTRATIONS)).size();

        long started = System.nanoTime();
        greenMail.stop();
        List<RegistrationConfirmed> events = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS; i++) {
            RegistrationConfirmed event = Fixtures.confirmed(unique("reg"), 1,
                    participant("Person", "No" + i, "p" + i + "@" + domain, "en"), conference);
            events.add(event);
            publish(Topics.REGISTRATIONS, event);
        }
        // SMTP stays away until every consumer has met the outage and kept retrying its mail through it: the
        // head mail of each partition has failed RETRIES_DURING_OUTAGE times.
        await().atMost(OUTAGE).until(() -> retryingThroughTheOutage(events) >= Topics.PARTITIONS);
        greenMail.start();
        long back = System.nanoTime();

        await().atMost(Duration.ofSeconds(120)).until(() -> greenMail.getReceivedMessagesForDomain(domain).length
                >= REGISTRATIONS && greenMail.getReceivedMessagesForDomain(contact).length >= REGISTRATIONS);
        long drained = System.nanoTime();
        // Then a little longer, in case anything was about to be sent twice.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                greenMail.getReceivedMessagesForDomain(domain).length == REGISTRATIONS);

        Map<String, Integer> perParticipant = new HashMap<>();
        for (MimeMessage mail : greenMail.getReceivedMessagesForDomain(domain)) {
            perParticipant.merge(mail.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        assertThat(perParticipant).hasSize(REGISTRATIONS).allSatisfy((address, count) -> assertThat(count).isEqualTo(1));
        // GreenMail stores one copy per envelope recipient (the contact's and the cc's), each with both headers.
        Map<String, Integer> copiesPerOrganiserMail = new HashMap<>();
        for (MimeMessage mail : greenMail.getReceivedMessagesForDomain(contact)) {
            assertThat(mail.getHeader("To", ",")).isEqualTo(contact);
            assertThat(mail.getHeader("Cc", ",")).isEqualTo(cc);
            copiesPerOrganiserMail.merge(mail.getMessageID(), 1, Integer::sum);
        }
        assertThat(copiesPerOrganiserMail).hasSize(REGISTRATIONS)
                .allSatisfy((messageId, copies) -> assertThat(copies).isEqualTo(2));
        assertThat(EventLog.readAll(bootstrapServers, Topics.deadLetterTopicOf(Topics.REGISTRATIONS)))
                .hasSize(deadLettersBefore);
        log.info("SMTP outage test: {} registrations, outage {} s, all {} mails out {} ms after SMTP returned, "
                + "test body {} s", REGISTRATIONS, (back - started) / 1_000_000_000, 3 * REGISTRATIONS,
                (drained - back) / 1_000_000, (System.nanoTime() - started) / 1_000_000_000);
    }

    /** How many registrations have a participant mail that failed at least {@link #RETRIES_DURING_OUTAGE} times. */
    private long retryingThroughTheOutage(List<RegistrationConfirmed> events) {
        return events.stream().filter(event -> deliveries.ofRegistration(event.registrationId()).stream()
                .anyMatch(d -> d.kind().audience() == MailKind.Audience.PARTICIPANT
                        && d.status() == DeliveryStatus.RETRYING && d.attempts() >= RETRIES_DURING_OUTAGE))
                .count();
    }
}
