package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.notification.Fixtures.TITLE_BG;
import static org.eforum.notification.Fixtures.TITLE_EN;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The participant hears about every change of their registration, in their language, with their link. */
class ParticipantMailIT extends IntegrationTest {

    private final ConferenceSnapshot conference = conference(unique("forum"), List.of("en", "bg"),
            new Contact("Ana Organiser", "ana@forum.example.org"), List.of(), OrganiserNotifications.NONE);

    @Test
    void aConfirmedParticipantGetsAnEnglishMailWithTheirLinkAndTheirNameEscaped() throws Exception {
        String registrationId = unique("reg");
        String email = unique("maria") + "@example.org";
        Participant maria = participant("Maria <script>alert(1)</script>", "Ivanova", email, "en");

        publish(Topics.REGISTRATIONS, Fixtures.confirmed(registrationId, 1, maria, conference));

        ReceivedMail mail = awaitInbox(email, 1).get(0);
        assertThat(mail.to()).containsExactly(email);
        assertThat(mail.cc()).isEmpty();
        assertThat(mail.from()).containsExactly("no-reply@eforum.local");
        assertThat(mail.subject()).isEqualTo("Registration confirmed: " + TITLE_EN);
        assertThat(mail.contentLanguage()).isEqualTo("en");
        assertThat(mail.messageId()).matches("<[0-9a-f]{64}@eforum\\.local>");
        String link = Fixtures.selfServiceUrl(registrationId);
        assertThat(mail.text()).contains(link, "Your registration for " + TITLE_EN + " is confirmed",
                "12 May 2026 – 13 May 2026", "National Palace of Culture, Hall 3, Sofia, Bulgaria");
        assertThat(mail.html()).contains("href=\"" + link + "\"", "Maria &lt;script&gt;alert(1)&lt;/script&gt; Ivanova")
                .doesNotContain("<script>");

        MimeMessage raw = greenMail.getReceivedMessagesForDomain(email)[0];
        // The bodies, then the calendar entry (see CalendarInvitationIT).
        assertThat(raw.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) raw.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(1).getContentType()).startsWith("text/calendar");
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(raw.getReplyTo()).extracting(Object::toString).containsExactly("ana@forum.example.org");
    }

    @Test
    void aBulgarianParticipantGetsTheMailInBulgarian() {
        String registrationId = unique("reg");
        String email = unique("georgi") + "@example.org";

        publish(Topics.REGISTRATIONS, Fixtures.confirmed(registrationId, 1,
                participant("Георги", "Петров", email, "bg"), conference));

        ReceivedMail mail = awaitInbox(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Регистрацията е потвърдена: " + TITLE_BG);
        assertThat(mail.contentLanguage()).isEqualTo("bg");
        assertThat(mail.text()).contains("Здравейте, Георги Петров,", "Регистрацията Ви за " + TITLE_BG
                + " е потвърдена", "12 май 2026 г. – 13 май 2026 г.", "НДК, зала 3, Sofia, България",
                Fixtures.selfServiceUrl(registrationId));
        assertThat(mail.html()).contains("lang=\"bg\"", Fixtures.selfServiceUrl(registrationId),
                "Вижте или отменете регистрацията си");
    }

    /** The three mails of a waitlisted registration, each in the participant's language, in the order they happened. */
    static Stream<Arguments> waitlistPromotionAndCancellationSubjects() {
        return Stream.of(
                Arguments.of("en", "Lena", "Marx", List.of("You are on the waiting list: " + TITLE_EN,
                        "A seat is yours: " + TITLE_EN, "Registration cancelled: " + TITLE_EN)),
                Arguments.of("bg", "Иван", "Иванов", List.of("В списъка с чакащи сте: " + TITLE_BG,
                        "Получихте място: " + TITLE_BG, "Регистрацията е отменена: " + TITLE_BG)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waitlistPromotionAndCancellationSubjects")
    void waitlistPromotionAndCancellationEachGetTheirMailInOrder(String language, String firstName, String lastName,
            List<String> subjects) {
        String registrationId = unique("reg");
        String email = unique("waitlisted-" + language) + "@example.org";
        Participant participant = participant(firstName, lastName, email, language);

        publish(Topics.REGISTRATIONS, Fixtures.waitlisted(registrationId, 1, participant, conference));
        publish(Topics.REGISTRATIONS, Fixtures.promoted(registrationId, 2, participant, conference));
        publish(Topics.REGISTRATIONS, Fixtures.cancelled(registrationId, 3, participant, conference,
                RegistrationStatus.CONFIRMED));

        assertThat(awaitInbox(email, 3)).extracting(ReceivedMail::subject).containsExactlyElementsOf(subjects);
    }

    @Test
    void anEventOlderThanOneAlreadyMailedIsNotMailed() {
        String registrationId = unique("reg");
        String email = unique("late") + "@example.org";
        Participant late = participant("Late", "Event", email, "en");
        var cancelled = Fixtures.cancelled(registrationId, 2, late, conference, RegistrationStatus.CONFIRMED);
        var confirmed = Fixtures.confirmed(registrationId, 1, late, conference);

        publish(Topics.REGISTRATIONS, cancelled);
        awaitInbox(email, 1);
        awaitConsumed(publish(Topics.REGISTRATIONS, confirmed)); // e.g. redriven from the dead-letter topic

        assertThat(inbox(email)).extracting(ReceivedMail::subject)
                .containsExactly("Registration cancelled: " + TITLE_EN);
    }
}
