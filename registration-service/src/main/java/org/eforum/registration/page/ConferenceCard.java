package org.eforum.registration.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.registration.conference.Conference;

/**
 * A conference as a page shows it: texts in the page's language (and the language they are really in, for
 * {@code lang} attributes when the conference has no text in it), dates written out, the live seat count. The
 * description is the organisers' plain text (empty when there is none); the page keeps its line breaks.
 */
public record ConferenceCard(
        String id,
        String title,
        String titleLanguage,
        String venue,
        String venueLanguage,
        String city,
        String country,
        LocalDate startDate,
        LocalDate endDate,
        String dates,
        int seatsLeft,
        int waitlistLength,
        Availability availability,
        String opens,
        String closes,
        String description,
        String descriptionLanguage) {

    /** Conferences take place in Bulgaria; the registration window is shown in Sofia's time. */
    public static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Sofia");

    enum Availability { OPEN, NOT_YET_OPEN, CLOSED }

    static ConferenceCard of(Conference conference, Locale locale, Instant now) {
        String language = locale.getLanguage();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        String dates = conference.startDate().equals(conference.endDate()) ? date.format(conference.startDate())
                : date.format(conference.startDate()) + " – " + date.format(conference.endDate());
        Conference.RegistrationWindow window = conference.window();
        Availability availability = window.notYetOpen(now) ? Availability.NOT_YET_OPEN
                : window.closed(now) ? Availability.CLOSED : Availability.OPEN;
        return new ConferenceCard(conference.id(),
                ConferenceSnapshot.localized(conference.title(), language, conference.languages()),
                languageOf(conference.title(), language, conference),
                ConferenceSnapshot.localized(conference.venue(), language, conference.languages()),
                languageOf(conference.venue(), language, conference),
                conference.city(), new Locale.Builder().setRegion(conference.country()).build().getDisplayCountry(locale),
                conference.startDate(), conference.endDate(), dates, conference.seatsLeft(), conference.waitlistLength(),
                availability, moment(window.opens(), locale), moment(window.closes(), locale),
                conference.snapshot().description(language), languageOf(conference.description(), language, conference));
    }

    /** The conference's first language: the pages' fallback when neither the visitor nor the browser chose one. */
    static String mainLanguage(Conference conference) {
        return conference.languages() == null || conference.languages().isEmpty() ? "en" : conference.languages().get(0);
    }

    public boolean isOpen() {
        return availability == Availability.OPEN;
    }

    /** The language {@link ConferenceSnapshot#localized} picked the text in (for a {@code lang} attribute). */
    public static String languageOf(Map<String, String> texts, String wanted, Conference conference) {
        if (texts.containsKey(wanted)) {
            return wanted;
        }
        return conference.languages().stream().filter(texts::containsKey).findFirst()
                .orElseGet(() -> texts.keySet().stream().findFirst().orElse(wanted));
    }

    private static String moment(Instant instant, Locale locale) {
        if (instant == null) {
            return null;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(LOCAL_TIME)) + " " + DateTimeFormatter.ofPattern("zzz", locale)
                .format(instant.atZone(LOCAL_TIME));
    }
}
