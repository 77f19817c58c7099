package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.TITLE_BG;
import static org.eforum.notification.Fixtures.TITLE_EN;
import static org.eforum.notification.Fixtures.conference;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.notification.delivery.Deliveries;
import org.eforum.notification.delivery.Delivery;
import org.eforum.notification.mail.MailKind;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant corrected their details: they get a short mail of what changed, the organisers the new values as
 * their conference wants it (a mail, a digest line, nothing). A new address is only ever mailed its confirmation
 * link (never the current address, never the organisers), unless it is erased; once confirmed, the change arrives
 * sealed under the new address's key and its mails go there. Each mail once, however often the event comes.
 */
class DetailsChangeMailIT extends IntegrationTest {

    @Autowired
    Deliveries deliveries;

    private final String contact = unique("contact") + "@forum.example.org";

    private ConferenceSnapshot conferenceWith(List<String> languages, OrganiserNotifications mode) {
        return conference(unique("forum"), languages, new Contact("Мария Иванова", contact), List.of(), mode);
    }

    private static Participant corrected(String first, String last, String email, String language) {
        return new Participant(first, last, email, "New <Org>", StakeholderType.ACADEMIA, "DE", "", language,
                new Consents(true, false, true), null, Map.of("q1", "wheelchair access", "q2", true));
    }

    @Test
    void theParticipantHearsWhatChangedAndTheOrganisersTheNewValuesEachOnceInTheirLanguages() {
        ConferenceSnapshot conference = conferenceWith(List.of("bg", "en"), OrganiserNotifications.IMMEDIATE);
        String email = unique("emma") + "@example.org";
        RegistrationDetailsChanged changed = Fixtures.detailsChanged(unique("reg"), 3,
                corrected("Emma", "Stone", email, "en"), conference, RegistrationStatus.CONFIRMED,
                List.of("organisation", "position", "country", "consents", "answers.q1", "answers.q2"));

        publish(Topics.REGISTRATIONS, changed);
        ReceivedMail mail = awaitInbox(email, 1).get(0);
        ReceivedMail organisers = awaitInbox(contact, 1).get(0);
        awaitConsumed(publish(Topics.REGISTRATIONS, changed));

        assertThat(inbox(email)).hasSize(1);
        assertThat(inbox(contact)).hasSize(1);
        String text = mail.text().replace("\r\n", "\n");
        assertThat(mail.subject()).isEqualTo("Your details were updated: " + TITLE_EN);
        assertThat(mail.contentLanguage()).isEqualTo("en");
        assertThat(text).contains("The details of your registration for " + TITLE_EN + " were updated.",
                "- Organisation: New <Org>", "- Position: (none)", "- Country: Germany",
                "- Consents: listed in the public directory: no; in the experts’ network: yes",
                "- Answers to the conference’s questions\n", "If you did not make these changes",
                Fixtures.selfServiceUrl(changed.registrationId()))
                .doesNotContain("wheelchair", "- First name");
        assertThat(text.split("Answers to the conference’s questions", -1)).as("the answers on one line").hasSize(2);
        assertThat(mail.html()).contains("New &lt;Org&gt;").doesNotContain("New <Org>");

        // The organisers: the conference's main language, the new values, the registration's page.
        String page = "http://localhost:8081/organiser/conferences/" + conference.id() + "/registrations/"
                + changed.registrationId();
        assertThat(organisers.subject()).isEqualTo("Коригирани данни: Emma Stone – " + TITLE_BG);
        assertThat(organisers.text()).contains("Emma Stone коригира данните на регистрацията си за " + TITLE_BG,
                "Какво се промени (новите стойности):", "- Организация: New <Org>", "- Държава: Германия",
                "- Отговори на въпросите на конференцията: променени – вижте ги на страницата на регистрацията",
                "Вижте регистрацията", page);
        assertThat(organisers.html()).contains("href=\"" + page + "\"", "New &lt;Org&gt;");
        assertThat(deliveries.ofRegistration(changed.registrationId())).extracting(Delivery::kind)
                .containsExactlyInAnyOrder(MailKind.PARTICIPANT_DETAILS_CHANGED, MailKind.ORGANISER_DETAILS_CHANGED);
    }

    @Test
    void inBulgarianForABulgarianParticipantAndInEnglishForAnEnglishConference() {
        ConferenceSnapshot conference = conferenceWith(List.of("en"), OrganiserNotifications.IMMEDIATE);
        String email = unique("petya") + "@example.org";
        RegistrationDetailsChanged changed = Fixtures.detailsChanged(unique("reg"), 2,
                corrected("Петя", "Нова", email, "bg"), conference, RegistrationStatus.WAITLISTED,
                List.of("lastName", "stakeholderType", "language"));

        publish(Topics.REGISTRATIONS, changed);

        ReceivedMail mail = awaitInbox(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Данните Ви са обновени: " + TITLE_BG);
        assertThat(mail.text()).contains("Данните на регистрацията Ви за " + TITLE_BG + " са обновени.",
                "- Фамилия: Нова", "- Вид заинтересована страна: Академична общност", "- Език: български");
        ReceivedMail organisers = awaitInbox(contact, 1).get(0);
        assertThat(organisers.subject()).isEqualTo("Details corrected: Петя Нова – " + TITLE_EN);
        assertThat(organisers.text()).contains("What changed (the new values):", "- Last name: Нова",
                "- Stakeholder type: Academia", "- Language: Bulgarian", "Status: on the waiting list");
    }

    @Test
    void aDetailsChangeIsADigestLineForDigestOrganisersAndNothingForThoseWhoWantNone() {
        String quietContact = unique("quiet") + "@forum.example.org";
        ConferenceSnapshot none = conference(unique("forum"), List.of("en"), new Contact("Q", quietContact),
                List.of(), OrganiserNotifications.NONE);
        ConferenceSnapshot digest = conferenceWith(List.of("en"), OrganiserNotifications.DIGEST);
        String nick = unique("nick") + "@example.org";
        String dina = unique("dina") + "@example.org";

        awaitConsumed(publish(Topics.REGISTRATIONS, Fixtures.detailsChanged(unique("reg"), 2,
                corrected("Nick", "None", nick, "en"), none, RegistrationStatus.CONFIRMED, List.of("organisation"))));
        RegistrationDetailsChanged changed = Fixtures.detailsChanged(unique("reg"), 2,
                corrected("Dina", "Digest", dina, "en"), digest, RegistrationStatus.CONFIRMED,
                List.of("firstName", "organisation", "answers.q1"));
        publish(Topics.REGISTRATIONS, changed);
        publish(Topics.REGISTRATIONS, changed); // redelivered: still one line

        assertThat(awaitInbox(nick, 1).get(0).subject()).startsWith("Your details were updated");
        assertThat(awaitInbox(dina, 1).get(0).subject()).startsWith("Your details were updated");
        ReceivedMail line = awaitInbox(contact, 1).get(0);
        assertThat(line.subject()).isEqualTo("Registrations digest: " + TITLE_EN + " – 1 change(s)");
        assertThat(line.text()).contains("Details corrected: Dina Digest",
                "changed: First name, Organisation, Answers to the conference’s questions");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> inbox(quietContact).isEmpty());
    }

    @Test
    void aNewAddressGetsOnlyItsConfirmationLinkAndOnceConfirmedTheChangeIsMailedThere() {
        ConferenceSnapshot conference = conferenceWith(List.of("en", "bg"), OrganiserNotifications.IMMEDIATE);
        String current = unique("old") + "@example.org";
        String next = unique("new") + "@example.org";
        Participant before = Fixtures.participant("Olga", "Moving", current, "en");
        PersonKey currentKey = PersonKey.generate(EmailHash.of(current));
        PersonKey nextKey = PersonKey.generate(EmailHash.of(next));
        publish(Topics.PERSON_KEYS, currentKey.issued(Instant.now()));
        publish(Topics.PERSON_KEYS, nextKey.issued(Instant.now()));
        String registrationId = unique("reg");
        // Sealed under the current address's key: the new address and the link travel inside.
        RegistrationEmailChangeRequested requested = Fixtures.emailChangeRequested(registrationId, 2, before,
                conference, RegistrationStatus.CONFIRMED, next);

        publish(Topics.REGISTRATIONS, PersonalData.seal(requested, currentKey));
        ReceivedMail confirm = awaitInbox(next, 1).get(0);
        awaitConsumed(publish(Topics.REGISTRATIONS, PersonalData.seal(requested, currentKey)));

        assertThat(inbox(next)).hasSize(1);
        assertThat(confirm.to()).containsExactly(next);
        assertThat(confirm.subject()).isEqualTo("Confirm your new address: " + TITLE_EN);
        assertThat(confirm.text()).contains("Dear Olga Moving,", "You asked to move your registration for "
                + TITLE_EN + " to this address", "Confirm the new address", Fixtures.confirmationUrl(registrationId),
                "If you did not ask for this, ignore this mail")
                // the self-service link's token must not reach an address nobody has proved yet
                .doesNotContain(Fixtures.selfServiceUrl(registrationId));
        assertThat(confirm.html()).contains("href=\"" + Fixtures.confirmationUrl(registrationId) + "\"");
        assertThat(inbox(current)).as("never the current address").isEmpty();
        assertThat(inbox(contact)).as("never the organisers").isEmpty();
        assertThat(deliveries.ofRegistration(registrationId)).singleElement().satisfies(delivery -> {
            assertThat(delivery.kind()).isEqualTo(MailKind.PARTICIPANT_CONFIRM_NEW_EMAIL);
            assertThat(delivery.recipient()).isEqualTo(next);
        });

        // Confirmed: sealed under the new address's key; the participant hears at the new address, and so do
        // the organisers.
        RegistrationDetailsChanged moved = Fixtures.detailsChanged(registrationId, 3,
                Fixtures.participant("Olga", "Moving", next, "en"), conference, RegistrationStatus.CONFIRMED,
                List.of("email"));
        publish(Topics.REGISTRATIONS, PersonalData.seal(moved, nextKey));

        List<ReceivedMail> atNew = awaitInbox(next, 2);
        assertThat(atNew.get(1).subject()).isEqualTo("Your details were updated: " + TITLE_EN);
        assertThat(atNew.get(1).text()).contains("- E-mail: " + next, Fixtures.selfServiceUrl(registrationId));
        ReceivedMail organisers = awaitInbox(contact, 1).get(0);
        assertThat(organisers.subject()).isEqualTo("Details corrected: Olga Moving – " + TITLE_EN);
        assertThat(organisers.text()).contains("- E-mail: " + next);
        assertThat(inbox(current)).isEmpty();
    }

    @Test
    void theConfirmationLinkIsSentEvenWhenTheOtherCorrectionsOfTheFormCameFirst() {
        ConferenceSnapshot conference = conferenceWith(List.of("en"), OrganiserNotifications.NONE);
        String current = unique("both") + "@example.org";
        String next = unique("both-new") + "@example.org";
        String registrationId = unique("reg");
        Participant corrected = corrected("Bo", "Both", current, "en");
        // The form changed the organisation (sequence 2) and asked for a new address (the request read sequence 1).
        publish(Topics.REGISTRATIONS, Fixtures.detailsChanged(registrationId, 2, corrected, conference,
                RegistrationStatus.CONFIRMED, List.of("organisation")));
        assertThat(awaitInbox(current, 1).get(0).subject()).isEqualTo("Your details were updated: " + TITLE_EN);
        publish(Topics.REGISTRATIONS, Fixtures.emailChangeRequested(registrationId, 1, corrected, conference,
                RegistrationStatus.CONFIRMED, next));

        assertThat(awaitInbox(next, 1).get(0).subject()).isEqualTo("Confirm your new address: " + TITLE_EN);
        assertThat(inbox(current)).hasSize(1);
    }

    @Test
    void erasingThePersonRedactsTheNewAddressTheyAskedForInTheLog() {
        ConferenceSnapshot conference = conferenceWith(List.of("en"), OrganiserNotifications.NONE);
        String current = unique("leaving") + "@example.org";
        String next = unique("leaving-new") + "@example.org";
        Participant lea = Fixtures.participant("Lea", "Leaving", current, "en");
        String registrationId = unique("reg");
        publish(Topics.REGISTRATIONS, Fixtures.confirmed(registrationId, 1, lea, conference));
        awaitInbox(current, 1);
        publish(Topics.REGISTRATIONS, Fixtures.emailChangeRequested(registrationId, 1, lea, conference,
                RegistrationStatus.CONFIRMED, next));
        awaitInbox(next, 1);

        awaitConsumed(publish(Topics.ERASURES, new ErasureRequested(UUID.randomUUID(), Instant.now(),
                EmailHash.of(current), "operator")));

        assertThat(deliveries.ofRegistration(registrationId)).hasSize(2).allSatisfy(delivery ->
                assertThat(delivery.recipient()).isEqualTo(Delivery.ERASED));
    }

    @Test
    void aConfirmationLinkInBulgarianAndNeverToAnErasedAddress() {
        ConferenceSnapshot conference = conferenceWith(List.of("en", "bg"), OrganiserNotifications.IMMEDIATE);
        String current = unique("tanya") + "@example.org";
        String next = unique("tanya-new") + "@example.org";
        Participant tanya = Fixtures.participant("Таня", "Адресова", current, "bg");
        RegistrationEmailChangeRequested requested = Fixtures.emailChangeRequested(unique("reg"), 1, tanya,
                conference, RegistrationStatus.PENDING, next);

        publish(Topics.REGISTRATIONS, requested);
        ReceivedMail mail = awaitInbox(next, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Потвърдете новия си адрес: " + TITLE_BG);
        assertThat(mail.contentLanguage()).isEqualTo("bg");
        assertThat(mail.text()).contains("Поискахте регистрацията Ви за " + TITLE_BG + " да премине на този адрес",
                "Потвърждавам новия адрес", Fixtures.confirmationUrl(requested.registrationId()));

        // Whoever owns an erased address is never mailed again, not even a link someone else asked for.
        String erased = unique("erased") + "@example.org";
        awaitConsumed(publish(Topics.ERASURES, new ErasureRequested(UUID.randomUUID(), Instant.now(),
                EmailHash.of(erased), "operator")));
        RegistrationEmailChangeRequested toErased = Fixtures.emailChangeRequested(unique("reg"), 1, tanya,
                conference, RegistrationStatus.CONFIRMED, erased);
        awaitConsumed(publish(Topics.REGISTRATIONS, toErased));

        assertThat(inbox(erased)).isEmpty();
        assertThat(inbox(current)).isEmpty();
        assertThat(deliveries.ofRegistration(toErased.registrationId())).isEmpty();
    }
}
