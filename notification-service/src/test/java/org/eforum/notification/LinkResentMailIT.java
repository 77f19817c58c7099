package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.notification.Fixtures.TITLE_BG;
import static org.eforum.notification.Fixtures.TITLE_EN;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.RegistrationLinkResent;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;

/**
 * Someone submitted a registered address again: its owner gets their own link by mail, in their language, once per
 * such event however often Kafka delivers it; the organisers hear nothing of it.
 */
class LinkResentMailIT extends IntegrationTest {

    private final String contact = unique("contact") + "@forum.example.org";
    private final ConferenceSnapshot conference = conference(unique("forum"), List.of("bg", "en"),
            new Contact("Мария Иванова", contact), List.of(), OrganiserNotifications.IMMEDIATE);

    @Test
    void theParticipantGetsTheirLinkOnceInTheirLanguageEvenWhenTheEventComesTwice() {
        String registrationId = unique("reg");
        String email = unique("ivana") + "@example.org";
        RegistrationLinkResent resent = Fixtures.linkResent(registrationId, 1,
                participant("Ивана", "Георгиева", email, "bg"), conference, RegistrationStatus.CONFIRMED);

        publish(Topics.REGISTRATIONS, resent);
        ReceivedMail mail = awaitInbox(email, 1).get(0);
        // The same event again, as a redelivery or the outbox relay's re-publish after a crash would bring it.
        RecordMetadata again = publish(Topics.REGISTRATIONS, resent);
        awaitConsumed(again);

        assertThat(inbox(email)).hasSize(1);
        assertThat(mail.subject()).isEqualTo("Връзка към регистрацията Ви: " + TITLE_BG);
        assertThat(mail.contentLanguage()).isEqualTo("bg");
        assertThat(mail.text()).contains("опита отново да регистрира този адрес", Fixtures.selfServiceUrl(registrationId));
        assertThat(mail.html()).contains("href=\"" + Fixtures.selfServiceUrl(registrationId) + "\"");
        assertThat(inbox(contact)).as("no organiser mail").isEmpty();
    }

    @Test
    void aLaterResendIsAMailOfItsOwn() {
        String registrationId = unique("reg");
        String email = unique("george") + "@example.org";
        publish(Topics.REGISTRATIONS, Fixtures.linkResent(registrationId, 1,
                participant("George", "Brown", email, "en"), conference, RegistrationStatus.WAITLISTED));
        awaitInbox(email, 1);

        publish(Topics.REGISTRATIONS, Fixtures.linkResent(registrationId, 1,
                participant("George", "Brown", email, "en"), conference, RegistrationStatus.WAITLISTED));

        List<ReceivedMail> mails = awaitInbox(email, 2);
        assertThat(mails).extracting(ReceivedMail::subject).containsOnly("Your registration link: " + TITLE_EN);
    }
}
