package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.notification.Fixtures.TITLE_BG;
import static org.eforum.notification.Fixtures.TITLE_EN;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.util.List;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;

/** Organisers hear about registrations as their conference asks, in the conference's language, with Cc. */
class OrganiserMailIT extends IntegrationTest {

    @Test
    void immediateNotificationGoesToTheContactWithEveryCcInTheMainLanguage() {
        String contact = unique("contact") + "@forum.example.org";
        List<String> cc = List.of(unique("cc1") + "@forum.example.org", unique("cc2") + "@partner.example.org");
        ConferenceSnapshot conference = conference(unique("forum"), List.of("bg", "en"),
                new Contact("Ана Организатор", contact), cc, OrganiserNotifications.IMMEDIATE);
        String participantEmail = unique("john") + "@example.org";

        publish(Topics.REGISTRATIONS, Fixtures.confirmed(unique("reg"), 1,
                participant("John", "Smith", participantEmail, "en"), conference));

        ReceivedMail mail = awaitInbox(contact, 1).get(0);
        assertThat(mail.to()).containsExactly(contact);
        assertThat(mail.cc()).containsExactlyElementsOf(cc);
        // The conference's main language, not the registrant's (the participant wrote in English).
        assertThat(mail.subject()).isEqualTo("Нова регистрация: John Smith – " + TITLE_BG);
        assertThat(mail.contentLanguage()).isEqualTo("bg");
        assertThat(mail.text()).contains("John Smith се регистрира за " + TITLE_BG + ". Статус: потвърдена.",
                participantEmail, "Гражданско общество", "английски");
        for (String copy : cc) {
            assertThat(awaitInbox(copy, 1)).extracting(ReceivedMail::messageId).containsExactly(mail.messageId());
        }
        assertThat(awaitInbox(participantEmail, 1).get(0).contentLanguage()).isEqualTo("en");
    }

    @Test
    void cancellationAndPromotionHaveTheirOwnSubjects() {
        String contact = unique("contact") + "@forum.example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana", contact),
                List.of(), OrganiserNotifications.IMMEDIATE);
        String registrationId = unique("reg");
        Participant rosa = participant("Rosa", "Park", unique("rosa") + "@example.org", "bg");

        publish(Topics.REGISTRATIONS, Fixtures.waitlisted(registrationId, 1, rosa, conference));
        publish(Topics.REGISTRATIONS, Fixtures.promoted(registrationId, 2, rosa, conference));
        publish(Topics.REGISTRATIONS, Fixtures.cancelled(registrationId, 3, rosa, conference,
                RegistrationStatus.CONFIRMED));

        List<ReceivedMail> mails = awaitInbox(contact, 3);
        assertThat(mails).extracting(ReceivedMail::subject).containsExactly(
                "New registration: Rosa Park – " + TITLE_EN,
                "Promoted from the waiting list: Rosa Park – " + TITLE_EN,
                "Cancellation: Rosa Park – " + TITLE_EN);
        assertThat(mails.get(0).text()).contains("Status: on the waiting list.");
        assertThat(mails.get(2).text()).contains("Status before cancelling: confirmed");
    }

    @Test
    void bulgarianSubjectsForCancellationAndPromotion() {
        String contact = unique("contact") + "@forum.example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("bg"), new Contact("Ана", contact),
                List.of(), OrganiserNotifications.IMMEDIATE);
        String registrationId = unique("reg");
        Participant petar = participant("Петър", "Стоянов", unique("petar") + "@example.org", "bg");

        publish(Topics.REGISTRATIONS, Fixtures.promoted(registrationId, 2, petar, conference));
        publish(Topics.REGISTRATIONS, Fixtures.cancelled(registrationId, 3, petar, conference,
                RegistrationStatus.CONFIRMED));

        assertThat(awaitInbox(contact, 2)).extracting(ReceivedMail::subject).containsExactly(
                "Повишен от списъка с чакащи: Петър Стоянов – " + TITLE_BG,
                "Отказ: Петър Стоянов – " + TITLE_BG);
    }

    @Test
    void noOrganiserMailWhenTheConferenceWantsNoneOrADigest() {
        for (OrganiserNotifications mode : List.of(OrganiserNotifications.NONE, OrganiserNotifications.DIGEST)) {
            String contact = unique("contact") + "@forum.example.org";
            ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana", contact),
                    List.of(), mode);
            String participantEmail = unique("p") + "@example.org";

            awaitConsumed(publish(Topics.REGISTRATIONS, Fixtures.confirmed(unique("reg"), 1,
                    participant("Paul", "Quiet", participantEmail, "en"), conference)));

            assertThat(awaitInbox(participantEmail, 1)).hasSize(1);
            assertThat(inbox(contact)).as("organiser mail with %s", mode).isEmpty();
        }
    }

    @Test
    void aContactChangeAppliesToTheNextMailAndOlderVersionsAreIgnored() {
        String conferenceId = unique("forum");
        String firstContact = unique("first") + "@forum.example.org";
        String newContact = unique("new") + "@forum.example.org";
        String newCc = unique("newcc") + "@forum.example.org";
        ConferenceSnapshot original = conference(conferenceId, List.of("en"), new Contact("First", firstContact),
                List.of(), OrganiserNotifications.IMMEDIATE);
        ConferenceSnapshot changed = conference(conferenceId, List.of("bg", "en"), new Contact("New", newContact),
                List.of(newCc), OrganiserNotifications.IMMEDIATE);

        awaitConsumed(publish(Topics.CONFERENCES, Fixtures.changed(1, original)));
        publish(Topics.REGISTRATIONS, Fixtures.confirmed(unique("reg"), 1,
                participant("Early", "Bird", unique("early") + "@example.org", "en"), original));
        assertThat(awaitInbox(firstContact, 1).get(0).subject()).startsWith("New registration: Early Bird");

        publish(Topics.CONFERENCES, Fixtures.changed(3, changed));
        awaitConsumed(publish(Topics.CONFERENCES, Fixtures.changed(2, original))); // stale: must not win
        // The registration event still carries the old snapshot; the projection knows better.
        publish(Topics.REGISTRATIONS, Fixtures.confirmed(unique("reg"), 1,
                participant("Late", "Comer", unique("late") + "@example.org", "en"), original));

        ReceivedMail mail = awaitInbox(newContact, 1).get(0);
        assertThat(mail.to()).containsExactly(newContact);
        assertThat(mail.cc()).containsExactly(newCc);
        assertThat(mail.subject()).isEqualTo("Нова регистрация: Late Comer – " + TITLE_BG);
        assertThat(inbox(firstContact)).hasSize(1);
    }
}
