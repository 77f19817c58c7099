package org.eforum.notification.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Language;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A conference as an RFC 5545 calendar entry ({@code .ics}), built with ical4j.
 *
 * <p>An all-day {@code VEVENT} from the first to the day after the last conference day ({@code DTEND} is
 * exclusive for {@code DATE} values, RFC 5545 §3.6.1). Dates without a time are "floating": the conference
 * days are the same days wherever the reader's calendar is, which is what an all-day entry means, so no
 * {@code VTIMEZONE} is needed. {@code METHOD:PUBLISH}: the entry informs, it asks for no RSVP.
 *
 * <p>The {@code UID} is derived from the registration, and {@code SEQUENCE} and {@code DTSTAMP} from the event,
 * so the same mail sent again carries the same bytes, and a later mail about the same registration (promoted
 * after waiting) updates the entry instead of adding a second one.
 *
 * <p>ical4j folds lines at 75 <em>characters</em>; RFC 5545 §3.1 asks for 75 <em>octets</em>, which Cyrillic
 * text in UTF-8 exceeds at half that length. So the calendar is written unfolded and folded here by octets,
 * never inside a UTF-8 sequence.
 */
public record CalendarInvitation(
        String uid,
        long sequence,
        Instant stamp,
        LocalDate firstDay,
        LocalDate lastDay,
        MailLanguage language,
        String summary,
        String location,
        String description,
        String link,
        String organizerName,
        String organizerEmail) {

    static final String PRODUCT_ID = "-//E-Forum//notification-service//EN";
    private static final int MAX_LINE_OCTETS = 75;

    public CalendarInvitation {
        if (firstDay == null) {
            throw new IllegalArgumentException("a calendar entry needs the conference's first day");
        }
        lastDay = lastDay == null || lastDay.isBefore(firstDay) ? firstDay : lastDay;
    }

    /** The {@code .ics} attachment of this entry. */
    public Attachment toAttachment() {
        return new Attachment("invite.ics", "text/calendar; method=PUBLISH; charset=UTF-8",
                toIcs().getBytes(StandardCharsets.UTF_8));
    }

    public String toIcs() {
        VEvent event = new VEvent(firstDay, lastDay.plusDays(1), HeaderText.singleLine(summary));
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, Math.max(0, sequence))));
        event.add(new Transp("TRANSPARENT")); // an all-day entry should not block the reader's whole day
        event.getProperty("SUMMARY").ifPresent(p -> p.add(new Language(language.code())));
        if (location != null && !location.isBlank()) {
            Location where = new Location(HeaderText.singleLine(location));
            where.add(new Language(language.code()));
            event.add(where);
        }
        if (description != null && !description.isBlank()) {
            Description text = new Description(description);
            text.add(new Language(language.code()));
            event.add(text);
        }
        if (link != null) {
            event.add(new Url(URI.create(link)));
        }
        if (organizerEmail != null && !organizerEmail.isBlank()) {
            Organizer organizer = new Organizer(URI.create("mailto:" + MailAddresses.parse(organizerEmail).getAddress()));
            // DQUOTE cannot appear in a parameter value, even quoted (RFC 5545 §3.1).
            String name = HeaderText.singleLine(organizerName).replace("\"", "");
            if (!name.isBlank()) {
                organizer.add(new Cn(name));
            }
            event.add(organizer);
        }

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);

        StringWriter unfolded = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, unfolded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fold(unfolded.toString());
    }

    /** Folds every content line longer than 75 octets: CRLF and one space, never splitting a character. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 50);
        for (String line : unfolded.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = MAX_LINE_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = utf8Length(codePoint);
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 0;
                    limit = MAX_LINE_OCTETS - 1; // the leading space of a continuation line counts
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
