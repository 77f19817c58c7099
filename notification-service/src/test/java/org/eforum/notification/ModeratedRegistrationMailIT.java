package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.TITLE_BG;
import static org.eforum.notification.Fixtures.TITLE_EN;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.moderated;
import static org.eforum.notification.Fixtures.participant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationApproved;
import org.eforum.contracts.event.RegistrationDeclined;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.RegistrationSubmitted;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.notification.delivery.Deliveries;
import org.eforum.notification.delivery.Delivery;
import org.eforum.notification.mail.MailKind;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A moderated conference: the participant hears that their registration was received, then that it was approved
 * (a seat, with the calendar entry, or the waiting list) or not accepted, with the organiser's words when given;
 * the organisers are asked to decide as their conference wants it (a mail, a digest line, nothing) and get no
 * mail of their own approvals and declines. Each mail once, however often Kafka delivers the event.
 */
class ModeratedRegistrationMailIT extends IntegrationTest {

    @Autowired
    Deliveries deliveries;

    private final String contact = unique("contact") + "@forum.example.org";
    private final String cc = unique("cc") + "@forum.example.org";

    private ConferenceSnapshot moderatedConference(List<String> languages, OrganiserNotifications mode) {
        return moderated(conference(unique("forum"), languages, new Contact("Мария Иванова", contact), List.of(cc),
                mode));
    }

    @Test
    void aSubmitIsAcknowledgedInTheParticipantsLanguageAndAsksTheOrganisersToDecideEachOnce() {
        ConferenceSnapshot conference = moderatedConference(List.of("bg", "en"), OrganiserNotifications.IMMEDIATE);
        String ivana = unique("ivana") + "@example.org";
        String george = unique("george") + "@example.org";
        RegistrationSubmitted fromIvana = Fixtures.submitted(unique("reg"), participant("Ивана", "Петрова", ivana,
                "bg"), conference);
        RegistrationSubmitted fromGeorge = Fixtures.submitted(unique("reg"), participant("George", "Brown", george,
                "en"), conference);

        publish(Topics.REGISTRATIONS, fromIvana);
        publish(Topics.REGISTRATIONS, fromGeorge);
        ReceivedMail inBulgarian = awaitInbox(ivana, 1).get(0);
        ReceivedMail inEnglish = awaitInbox(george, 1).get(0);
        List<ReceivedMail> organisers = awaitInbox(contact, 2);
        // Redelivered (a consumer restart, the outbox relay re-publishing): nothing is mailed twice.
        awaitConsumed(publish(Topics.REGISTRATIONS, fromIvana));
        awaitConsumed(publish(Topics.REGISTRATIONS, fromGeorge));

        assertThat(inbox(ivana)).hasSize(1);
        assertThat(inbox(george)).hasSize(1);
        assertThat(inbox(contact)).hasSize(2);
        assertThat(inbox(cc)).hasSize(2);

        assertThat(inBulgarian.subject()).isEqualTo("Регистрацията е получена и очаква одобрение: " + TITLE_BG);
        assertThat(inBulgarian.contentLanguage()).isEqualTo("bg");
        assertThat(inBulgarian.text()).contains("Получихме регистрацията Ви за " + TITLE_BG,
                "Организаторите одобряват всяка регистрация", "Вижте или оттеглете регистрацията си",
                Fixtures.selfServiceUrl(fromIvana.registrationId()))
                .doesNotContain("BEGIN:VCALENDAR"); // no seat yet, so no calendar entry
        assertThat(inEnglish.subject()).isEqualTo("Registration received, awaiting approval: " + TITLE_EN);
        assertThat(inEnglish.text()).contains("Its organisers approve each registration",
                "Until then no seat is held for you", Fixtures.selfServiceUrl(fromGeorge.registrationId()),
                // the participant asked to be listed: that waits for their address to be confirmed, as always
                "Confirm my address");

        // The organisers, in the conference's main language, with a link to the registration's page.
        ReceivedMail aboutGeorge = organisers.stream().filter(m -> m.subject().contains("George")).findFirst()
                .orElseThrow();
        String page = "http://localhost:8081/organiser/conferences/" + conference.id() + "/registrations/"
                + fromGeorge.registrationId();
        assertThat(aboutGeorge.subject()).isEqualTo("Очаква одобрението Ви: George Brown – " + TITLE_BG);
        assertThat(aboutGeorge.to()).containsExactly(contact);
        assertThat(aboutGeorge.cc()).containsExactly(cc);
        assertThat(aboutGeorge.text()).contains("George Brown се регистрира за " + TITLE_BG
                + " и очаква одобрението Ви.", "Статус: очаква одобрение", george,
                "Одобрете или отхвърлете регистрацията", page);
        assertThat(aboutGeorge.html()).contains("href=\"" + page + "\"");
        assertThat(organisers).extracting(ReceivedMail::subject)
                .contains("Очаква одобрението Ви: Ивана Петрова – " + TITLE_BG);

        assertThat(deliveries.ofRegistration(fromGeorge.registrationId())).extracting(Delivery::kind)
                .containsExactlyInAnyOrder(MailKind.PARTICIPANT_SUBMITTED, MailKind.ORGANISER_AWAITING_APPROVAL);
    }

    @Test
    void aSubmitIsADigestLineForDigestOrganisersAndNothingForThoseWhoWantNone() {
        String quietContact = unique("quiet") + "@forum.example.org";
        ConferenceSnapshot none = moderated(conference(unique("forum"), List.of("en"), new Contact("Q", quietContact),
                List.of(), OrganiserNotifications.NONE));
        ConferenceSnapshot digest = moderatedConference(List.of("en"), OrganiserNotifications.DIGEST);
        String nora = unique("nora") + "@example.org";
        String dan = unique("dan") + "@example.org";

        awaitConsumed(publish(Topics.REGISTRATIONS, Fixtures.submitted(unique("reg"),
                participant("Nora", "None", nora, "en"), none)));
        RegistrationSubmitted fromDan = Fixtures.submitted(unique("reg"), participant("Dan", "Digest", dan, "en"),
                digest);
        publish(Topics.REGISTRATIONS, fromDan);
        publish(Topics.REGISTRATIONS, fromDan); // redelivered: still one line

        assertThat(awaitInbox(nora, 1).get(0).subject()).startsWith("Registration received, awaiting approval");
        assertThat(awaitInbox(dan, 1).get(0).subject()).startsWith("Registration received, awaiting approval");
        ReceivedMail line = awaitInbox(contact, 1).get(0);
        assertThat(line.subject()).isEqualTo("Registrations digest: " + TITLE_EN + " – 1 change(s)");
        assertThat(line.cc()).containsExactly(cc);
        assertThat(line.text()).contains("Awaiting your approval: Dan Digest", dan, "Status: awaiting approval");
        // The NONE conference's change came first: a digest of it would have been sent by the same check.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> inbox(quietContact).isEmpty());
    }

    @Test
    void anApprovalWithASeatBringsTheMessageAndTheCalendarEntryOnceAndNoOrganiserMail() throws Exception {
        ConferenceSnapshot conference = moderatedConference(List.of("bg", "en"), OrganiserNotifications.IMMEDIATE);
        String email = unique("amy") + "@example.org";
        RegistrationApproved approved = Fixtures.approved(unique("reg"), 2, participant("Amy", "Seat", email, "en"),
                conference, RegistrationStatus.CONFIRMED,
                "Welcome <b>aboard</b>,\nbring your badge.\n\nMaria");

        publish(Topics.REGISTRATIONS, approved);
        ReceivedMail mail = awaitInbox(email, 1).get(0);
        awaitConsumed(publish(Topics.REGISTRATIONS, approved));

        assertThat(inbox(email)).hasSize(1);
        assertThat(mail.subject()).isEqualTo("Registration approved – you have a seat: " + TITLE_EN);
        assertThat(mail.contentLanguage()).isEqualTo("en");
        assertThat(mail.text().replace("\r\n", "\n")).contains("you have a seat", "The organisers’ message to you:",
                "Welcome <b>aboard</b>,\nbring your badge.\n\nMaria", "See or cancel your registration",
                Fixtures.selfServiceUrl(approved.registrationId()));
        assertThat(mail.html().replace("\r\n", "\n")).contains("Welcome &lt;b&gt;aboard&lt;/b&gt;,\nbring your badge.</p>", ">Maria</p>")
                .doesNotContain("<b>aboard");
        assertThat(calendarEntries(email)).as("the confirmation's calendar entry").isEqualTo(1);
        assertThat(inbox(contact)).as("an organiser approved it: no organiser mail").isEmpty();
        assertThat(deliveries.ofRegistration(approved.registrationId())).extracting(Delivery::kind)
                .containsExactly(MailKind.PARTICIPANT_APPROVED);
    }

    @Test
    void anApprovalOntoTheWaitingListInBulgarianHasNoCalendarEntry() throws Exception {
        ConferenceSnapshot conference = moderatedConference(List.of("en", "bg"), OrganiserNotifications.IMMEDIATE);
        String email = unique("vesela") + "@example.org";
        RegistrationApproved approved = Fixtures.approved(unique("reg"), 2, participant("Весела", "Чакаща", email,
                "bg"), conference, RegistrationStatus.WAITLISTED, "Ще Ви пишем,\nако се освободи място.");

        publish(Topics.REGISTRATIONS, approved);
        publish(Topics.REGISTRATIONS, approved);
        ReceivedMail mail = awaitInbox(email, 1).get(0);
        awaitConsumed(publish(Topics.REGISTRATIONS, approved));

        assertThat(inbox(email)).hasSize(1);
        assertThat(mail.subject()).isEqualTo("Регистрацията е одобрена – в списъка с чакащи сте: " + TITLE_BG);
        assertThat(mail.contentLanguage()).isEqualTo("bg");
        assertThat(mail.text().replace("\r\n", "\n")).contains("Организаторите одобриха регистрацията Ви за "
                + TITLE_BG, "в списъка с чакащи", "Съобщение от организаторите до Вас:",
                "Ще Ви пишем,\nако се освободи място.");
        assertThat(calendarEntries(email)).as("waiting is no seat").isZero();
        assertThat(inbox(contact)).isEmpty();
        assertThat(deliveries.ofRegistration(approved.registrationId())).extracting(Delivery::kind)
                .containsExactly(MailKind.PARTICIPANT_APPROVED_WAITLISTED);
    }

    @Test
    void aDeclineSaysNotAcceptedWithTheMessageWhenThereIsOneAndNoOrganiserMail() {
        ConferenceSnapshot conference = moderatedConference(List.of("en", "bg"), OrganiserNotifications.IMMEDIATE);
        String dora = unique("dora") + "@example.org";
        String boris = unique("boris") + "@example.org";
        RegistrationDeclined withMessage = Fixtures.declined(unique("reg"), 2, participant("Dora", "Declined", dora,
                "en"), conference, "Sorry, the hall is <full>.\nNext year!");
        RegistrationDeclined without = Fixtures.declined(unique("reg"), 2, participant("Борис", "Отказан", boris,
                "bg"), conference, null);

        publish(Topics.REGISTRATIONS, withMessage);
        publish(Topics.REGISTRATIONS, without);
        ReceivedMail inEnglish = awaitInbox(dora, 1).get(0);
        ReceivedMail inBulgarian = awaitInbox(boris, 1).get(0);
        awaitConsumed(publish(Topics.REGISTRATIONS, withMessage));
        awaitConsumed(publish(Topics.REGISTRATIONS, without));

        assertThat(inbox(dora)).hasSize(1);
        assertThat(inbox(boris)).hasSize(1);
        assertThat(inEnglish.subject()).isEqualTo("Registration not accepted: " + TITLE_EN);
        assertThat(inEnglish.text().replace("\r\n", "\n")).contains("could not accept your registration",
                "The organisers’ message to you:", "Sorry, the hall is <full>.\nNext year!");
        assertThat(inEnglish.html()).contains("Sorry, the hall is &lt;full&gt;.").doesNotContain("<full>");
        assertThat(inBulgarian.subject()).isEqualTo("Регистрацията не е приета: " + TITLE_BG);
        assertThat(inBulgarian.text()).contains("не можаха да приемат регистрацията Ви")
                .doesNotContain("Съобщение от организаторите", "BEGIN:VCALENDAR");
        assertThat(inbox(contact)).as("an organiser declined it: no organiser mail").isEmpty();
        assertThat(deliveries.ofRegistration(without.registrationId())).extracting(Delivery::kind)
                .containsExactly(MailKind.PARTICIPANT_DECLINED);
    }

    @Test
    void sealedEventsAreOpenedForTheMailAndAnErasedPersonsEventsMailNobody() {
        ConferenceSnapshot conference = moderatedConference(List.of("en"), OrganiserNotifications.IMMEDIATE);
        String email = unique("sealed") + "@example.org";
        Participant sara = participant("Sara", "Sealedova", email, "en");
        PersonKey key = PersonKey.generate(EmailHash.of(email));
        publish(Topics.PERSON_KEYS, key.issued(Instant.now()));
        RegistrationSubmitted submitted = Fixtures.submitted(unique("reg"), sara, conference);
        RegistrationApproved approved = Fixtures.approved(submitted.registrationId(), 2, sara, conference,
                RegistrationStatus.CONFIRMED, "A sealed <word>.");

        publish(Topics.REGISTRATIONS, PersonalData.seal(submitted, key));
        publish(Topics.REGISTRATIONS, PersonalData.seal(approved, key));

        List<ReceivedMail> mails = awaitInbox(email, 2);
        assertThat(mails).extracting(ReceivedMail::subject).containsExactly(
                "Registration received, awaiting approval: " + TITLE_EN,
                "Registration approved – you have a seat: " + TITLE_EN);
        assertThat(mails.get(1).text()).contains("Dear Sara Sealedova,", "A sealed <word>.",
                approved.selfServiceUrl());
        assertThat(awaitInbox(contact, 1).get(0).text()).contains("Sealedova");

        // Erased: the key's tombstone; later events of the person mail nobody, organisers included.
        publishRaw(Topics.PERSON_KEYS, null, key.personId(), null);
        RegistrationSubmitted later = Fixtures.submitted(unique("reg"), sara, conference);
        awaitConsumed(publish(Topics.REGISTRATIONS, PersonalData.seal(later, key)));
        RegistrationDeclined declined = Fixtures.declined(submitted.registrationId(), 3, sara, conference, "No.");
        awaitConsumed(publish(Topics.REGISTRATIONS, PersonalData.seal(declined, key)));

        assertThat(inbox(email)).hasSize(2);
        assertThat(inbox(contact)).hasSize(1);
        assertThat(deliveries.ofRegistration(later.registrationId())).isEmpty();
    }

    @Test
    void aResentMailWhilePendingIsTheReceivedOneAndAWithdrawalWhilePendingIsACancellation() {
        ConferenceSnapshot conference = moderatedConference(List.of("en"), OrganiserNotifications.IMMEDIATE);
        String email = unique("wanda") + "@example.org";
        Participant wanda = participant("Wanda", "Withdrawn", email, "en");
        String registrationId = unique("reg");

        publish(Topics.REGISTRATIONS, Fixtures.mailResent(registrationId, 1, wanda, conference,
                RegistrationStatus.PENDING, false));
        publish(Topics.REGISTRATIONS, Fixtures.cancelled(registrationId, 2, wanda, conference,
                RegistrationStatus.PENDING));

        assertThat(awaitInbox(email, 2)).extracting(ReceivedMail::subject).containsExactly(
                "Registration received, awaiting approval: " + TITLE_EN, "Registration cancelled: " + TITLE_EN);
        ReceivedMail organisers = awaitInbox(contact, 1).get(0);
        assertThat(organisers.subject()).isEqualTo("Cancellation: Wanda Withdrawn – " + TITLE_EN);
        assertThat(organisers.text()).contains("Status before cancelling: awaiting approval");
    }

    /** The calendar parts (text/calendar) of the mails GreenMail received for the address. */
    private static int calendarEntries(String email) throws Exception {
        List<String> found = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessagesForDomain(email)) {
            if (message.getContent() instanceof MimeMultipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i).getContentType().toLowerCase().startsWith("text/calendar")) {
                        found.add(multipart.getBodyPart(i).getContentType());
                    }
                }
            }
        }
        return found.size();
    }
}
