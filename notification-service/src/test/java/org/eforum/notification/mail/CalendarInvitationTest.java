package org.eforum.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class CalendarInvitationTest {

    private static final String LONG_BG = "Национален форум за миграция и интеграция; „Заедно“, 2026 г. 🇧🇬🎉 "
            + "и още текст, за да стане редът дълъг";

    private final CalendarInvitation invitation = new CalendarInvitation("registration-r1@eforum.local", 3,
            Instant.parse("2026-01-02T03:04:05Z"), LocalDate.of(2026, 5, 12), LocalDate.of(2026, 5, 12),
            MailLanguage.BG, LONG_BG, "НДК, зала 3, Sofia", "Ред 1\nРед 2: https://x.example/r?token=a,b;c",
            "https://x.example/r?token=a,b;c", "Ana \"The\" Organiser\r\nBcc: evil@x.org", "ana@forum.example.org");

    @Test
    void foldsByOctetsWithoutSplittingACharacterAndUnfoldsToTheSameText() {
        String ics = invitation.toIcs();
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
        VEvent event = parse(ics);
        assertThat(event.getSummary().getValue()).isEqualTo(LONG_BG);
        assertThat(event.getDescription().getValue()).isEqualTo("Ред 1\nРед 2: https://x.example/r?token=a,b;c");
    }

    @Test
    void aOneDayConferenceEndsTheNextDayAndTheOutputIsDeterministic() {
        VEvent event = parse(invitation.toIcs());
        assertThat(event.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(event.getEndDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 5, 13));
        assertThat(event.getDateStamp().orElseThrow().getValue()).isEqualTo("20260102T030405Z");
        assertThat(invitation.toIcs()).isEqualTo(invitation.toIcs());
    }

    @Test
    void anOrganiserNameCannotBreakOutOfItsParameter() {
        String ics = invitation.toIcs();
        assertThat(ics).doesNotContain("\r\nBcc").doesNotContain("\"The\"");
        VEvent event = parse(ics);
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo("Ana The Organiser Bcc: evil@x.org");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:ana@forum.example.org");
    }

    private static VEvent parse(String ics) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
