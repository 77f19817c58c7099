package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.notification.Fixtures.TITLE_BG;
import static org.eforum.notification.Fixtures.TITLE_EN;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.junit.jupiter.api.Test;

/** A participant with a seat gets the conference as an RFC 5545 calendar entry, read back here with ical4j. */
class CalendarInvitationIT extends IntegrationTest {

    private final ConferenceSnapshot conference = conference(unique("forum"), List.of("en", "bg"),
            new Contact("Ana Organiser", "ana@forum.example.org"), List.of(), OrganiserNotifications.NONE);

    @Test
    void aConfirmedParticipantGetsAnAllDayCalendarEntryInTheirLanguage() throws Exception {
        String registrationId = unique("reg");
        String email = unique("cal") + "@example.org";

        publish(Topics.REGISTRATIONS, Fixtures.confirmed(registrationId, 1,
                participant("Maria", "Calendar", email, "en"), conference));
        awaitInbox(email, 1);

        Part ics = calendarParts(email).get(0);
        assertThat(ics.getContentType()).startsWith("text/calendar").containsIgnoringCase("method=PUBLISH");
        assertThat(ics.getFileName()).isEqualTo("invite.ics");
        assertThat(ics.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);

        Calendar calendar = parse(ics);
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getProperty("VERSION").orElseThrow().getValue()).isEqualTo("2.0");
        VEvent event = onlyEvent(calendar);
        // All day, 12 to 13 May: DTEND is the day after the last day (exclusive), DATE values, no time zone.
        assertThat(event.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(event.getEndDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 5, 14));
        assertThat(event.getStartDate().orElseThrow().getParameter("VALUE").orElseThrow().getValue()).isEqualTo("DATE");
        assertThat(event.getSummary().getValue()).isEqualTo(TITLE_EN);
        assertThat(event.getLocation().getValue()).isEqualTo("National Palace of Culture, Hall 3, Sofia, Bulgaria");
        assertThat(event.getDescription().getValue()).contains("is confirmed",
                Fixtures.selfServiceUrl(registrationId));
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("registration-" + registrationId + "@eforum.local");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:ana@forum.example.org");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo("Ana Organiser");
        assertThat(event.getProperty("URL").orElseThrow().getValue()).isEqualTo(Fixtures.selfServiceUrl(registrationId));
    }

    @Test
    void aPromotedParticipantGetsTheEntryInBulgarianWithTheSameUidAndAHigherSequence() throws Exception {
        String registrationId = unique("reg");
        String email = unique("cal-bg") + "@example.org";
        Participant ivan = participant("Иван", "Календаров", email, "bg");

        publish(Topics.REGISTRATIONS, Fixtures.waitlisted(registrationId, 1, ivan, conference));
        publish(Topics.REGISTRATIONS, Fixtures.promoted(registrationId, 2, ivan, conference));
        awaitInbox(email, 2);

        // Waiting is no seat, so no calendar entry; the promotion has one.
        List<Part> entries = calendarParts(email);
        assertThat(entries).hasSize(1);
        VEvent event = onlyEvent(parse(entries.get(0)));
        assertThat(event.getSummary().getValue()).isEqualTo(TITLE_BG);
        assertThat(event.getLocation().getValue()).isEqualTo("НДК, зала 3, Sofia, България");
        assertThat(event.getDescription().getValue()).contains("Регистрацията Ви за " + TITLE_BG + " е потвърдена");
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("registration-" + registrationId + "@eforum.local");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
    }

    @Test
    void theRawEntryKeepsEveryLineWithin75OctetsAndEndsLinesWithCrlf() throws Exception {
        String email = unique("cal-raw") + "@example.org";
        publish(Topics.REGISTRATIONS, Fixtures.confirmed(unique("reg"), 1,
                participant("Олга", "Сгъната", email, "bg"), conference));
        awaitInbox(email, 1);

        byte[] raw;
        try (InputStream in = calendarParts(email).get(0).getInputStream()) {
            raw = in.readAllBytes();
        }
        String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "\u0000")).doesNotContain("\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    private static List<Part> calendarParts(String email) throws Exception {
        List<Part> found = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessagesForDomain(email)) {
            if (message.getContent() instanceof MimeMultipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
                        found.add(part);
                    }
                }
            }
        }
        return found;
    }

    private static Calendar parse(Part ics) throws Exception {
        try (InputStream in = ics.getInputStream()) {
            return new CalendarBuilder().build(in);
        }
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
