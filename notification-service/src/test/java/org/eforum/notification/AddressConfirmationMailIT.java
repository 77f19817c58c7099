package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.notification.Fixtures.conference;

import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.testsupport.EventLog;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;

/**
 * Double opt-in in the mail: who asked to be listed (or to join the experts' network) reads that it takes effect
 * only once they press the button on their page; the confirmation itself mails nobody and is no dead letter.
 */
class AddressConfirmationMailIT extends IntegrationTest {

    private final String contact = unique("contact") + "@forum.example.org";
    private final ConferenceSnapshot conference = conference(unique("forum"), List.of("bg", "en"),
            new Contact("Мария Иванова", contact), List.of(), OrganiserNotifications.IMMEDIATE);

    @Test
    void theFirstMailOfWhoAskedToBeListedSaysToConfirmOnThePageAndTheConfirmationMailsNobody() {
        String registrationId = unique("reg");
        String email = unique("george") + "@example.org";
        Participant george = participant("George", email, "en", new Consents(true, true, false));
        publish(Topics.REGISTRATIONS, Fixtures.confirmed(registrationId, 1, george, conference));
        ReceivedMail mail = awaitInbox(email, 1).get(0);
        awaitInbox(contact, 1);

        RecordMetadata confirmation = publish(Topics.REGISTRATIONS,
                Fixtures.addressConfirmed(registrationId, 2, george, conference, RegistrationStatus.CONFIRMED));
        awaitConsumed(confirmation);

        assertThat(mail.text()).contains("takes effect only after you press \"Confirm my address\" on your "
                + "registration page", Fixtures.selfServiceUrl(registrationId));
        assertThat(mail.html()).contains("takes effect only after you press &quot;Confirm my address&quot;");
        assertThat(inbox(email)).as("no mail for the confirmation").hasSize(1);
        assertThat(inbox(contact)).as("nor for the organisers").hasSize(1);
        assertThat(EventLog.readAll(bootstrapServers, Topics.deadLetterTopicOf(Topics.REGISTRATIONS)))
                .noneMatch(record -> registrationId.equals(record.key()));
    }

    @Test
    void inBulgarianToo_andALaterChangeIsMailedAsBefore() {
        String registrationId = unique("reg");
        String email = unique("ivana") + "@example.org";
        Participant ivana = participant("Ивана", email, "bg", new Consents(true, false, true));
        publish(Topics.REGISTRATIONS, Fixtures.waitlisted(registrationId, 1, ivana, conference));
        ReceivedMail waitlisted = awaitInbox(email, 1).get(0);
        publish(Topics.REGISTRATIONS,
                Fixtures.addressConfirmed(registrationId, 2, ivana, conference, RegistrationStatus.WAITLISTED));

        publish(Topics.REGISTRATIONS, Fixtures.promoted(registrationId, 3, ivana, conference));

        List<ReceivedMail> mails = awaitInbox(email, 2);
        assertThat(waitlisted.text()).contains("натиснете „Потвърждавам адреса си“ на страницата на регистрацията си");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).text()).as("the promotion says nothing of confirming").doesNotContain("Потвърждавам");
    }

    @Test
    void whoAskedForNothingPublicIsNotAskedToConfirm() {
        String registrationId = unique("reg");
        String email = unique("vera") + "@example.org";
        publish(Topics.REGISTRATIONS, Fixtures.confirmed(registrationId, 1,
                participant("Vera", email, "en", new Consents(true, false, false)), conference));

        ReceivedMail mail = awaitInbox(email, 1).get(0);

        assertThat(mail.text()).doesNotContain("Confirm my address");
        assertThat(mail.html()).doesNotContain("Confirm my address");
    }

    private static Participant participant(String firstName, String email, String language, Consents consents) {
        return new Participant(firstName, "Brown", email, "Open Doors Association", StakeholderType.CIVIL_SOCIETY,
                "BG", null, language, consents);
    }
}
