package org.eforum.registration.organiser;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.eforum.registration.page.ConferenceCard;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the workspace shows and reads them: in the conferences' local time (Sofia, as the public
 * pages), written out in the page's language.
 */
@Component
class Moments {

    static final ZoneId LOCAL_TIME = ConferenceCard.LOCAL_TIME;

    private final Clock clock;

    Moments(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Midnight of today, local time: where "registered today" begins. */
    Instant startOfToday() {
        return LocalDate.now(clock.withZone(LOCAL_TIME)).atStartOfDay(LOCAL_TIME).toInstant();
    }

    String dates(LocalDate start, LocalDate end, Locale locale) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return start.equals(end) ? date.format(start) : date.format(start) + " – " + date.format(end);
    }

    @Nullable String moment(@Nullable Instant instant, Locale locale) {
        if (instant == null) {
            return null;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(LOCAL_TIME));
    }
}
