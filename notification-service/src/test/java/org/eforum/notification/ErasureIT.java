package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.notification.delivery.Deliveries;
import org.eforum.notification.delivery.Delivery;
import org.eforum.notification.delivery.DeliveryStatus;
import org.eforum.notification.mail.MailKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An erased address disappears from the delivery log and is never mailed again. */
class ErasureIT extends IntegrationTest {

    @Autowired
    Deliveries deliveries;

    @Test
    void anErasedParticipantIsRedactedInTheLogAndNeverMailedAgain() {
        String email = unique("Erase.Me") + "@Example.org";
        String contact = unique("contact") + "@forum.example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana", contact),
                List.of(), OrganiserNotifications.IMMEDIATE);
        Participant erin = participant("Erin", "Erased", email, "en");
        RegistrationConfirmed confirmed = Fixtures.confirmed(unique("reg"), 1, erin, conference);
        publish(Topics.REGISTRATIONS, confirmed);
        awaitInbox(email, 1);
        awaitInbox(contact, 1);

        awaitConsumed(publish(Topics.ERASURES, erasure(email.toLowerCase())));

        List<Delivery> log = deliveries.ofRegistration(confirmed.registrationId());
        Delivery participantMail = log.stream().filter(d -> d.kind() == MailKind.PARTICIPANT_CONFIRMED).findFirst()
                .orElseThrow();
        assertThat(participantMail.recipient()).isEqualTo(Delivery.ERASED);
        assertThat(participantMail.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(participantMail.sentAt()).isNotNull();
        assertThat(participantMail.id()).doesNotContainIgnoringCase("erase.me");
        // The organiser mail went to the contact, who is not erased.
        assertThat(log).filteredOn(d -> d.kind() == MailKind.ORGANISER_REGISTERED).singleElement()
                .satisfies(d -> assertThat(d.recipient()).isEqualTo(contact));

        // A later event (or a replay) about the erased person mails nobody and logs nothing.
        awaitConsumed(publish(Topics.REGISTRATIONS, Fixtures.cancelled(confirmed.registrationId(), 2, erin, conference,
                RegistrationStatus.CONFIRMED)));
        awaitConsumed(publish(Topics.REGISTRATIONS, Fixtures.confirmed(unique("reg"), 1, erin, conference)));
        assertThat(inbox(email)).hasSize(1);
        assertThat(inbox(contact)).hasSize(1);
        assertThat(deliveries.ofRegistration(confirmed.registrationId())).hasSize(2);
    }

    @Test
    void anErasedCcAddressIsRedactedAndLeftOutOfLaterOrganiserMail() {
        String contact = unique("contact") + "@forum.example.org";
        String keep = unique("keep") + "@forum.example.org";
        String gone = unique("gone") + "@forum.example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana", contact),
                List.of(keep, gone), OrganiserNotifications.IMMEDIATE);
        RegistrationConfirmed first = Fixtures.confirmed(unique("reg"), 1,
                participant("First", "One", unique("p1") + "@example.org", "en"), conference);
        publish(Topics.REGISTRATIONS, first);
        awaitInbox(gone, 1);

        awaitConsumed(publish(Topics.ERASURES, erasure(gone)));
        Delivery organiserMail = await().atMost(PATIENCE).until(() -> deliveries.ofRegistration(first.registrationId())
                .stream().filter(d -> d.kind() == MailKind.ORGANISER_REGISTERED).findFirst().orElseThrow(),
                d -> d.cc().contains(Delivery.ERASED));
        assertThat(organiserMail.cc()).containsExactly(keep, Delivery.ERASED);

        publish(Topics.REGISTRATIONS, Fixtures.confirmed(unique("reg"), 1,
                participant("Second", "Two", unique("p2") + "@example.org", "en"), conference));
        assertThat(awaitInbox(keep, 2).get(1).cc()).containsExactly(keep);
        assertThat(awaitInbox(contact, 2)).hasSize(2);
        assertThat(inbox(gone)).hasSize(1);
    }

    private static ErasureRequested erasure(String email) {
        return new ErasureRequested(UUID.randomUUID(), Instant.now(), EmailHash.of(email), "operator");
    }
}
