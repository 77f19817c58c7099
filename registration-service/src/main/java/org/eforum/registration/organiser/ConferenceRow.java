package org.eforum.registration.organiser;

import java.time.Instant;
import java.util.Locale;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.page.ConferenceCard;
import org.jspecify.annotations.Nullable;

/** One conference in the organiser's list: what they look at first — seats, the waiting list, today's arrivals, the window. */
record ConferenceRow(
        String id,
        String title,
        String titleLanguage,
        String dates,
        String city,
        int capacity,
        int seatsTaken,
        int seatsLeft,
        int waitlistLength,
        long registeredToday,
        Window window,
        @Nullable String opens,
        @Nullable String closes) {

    enum Window { OPEN, NOT_YET_OPEN, CLOSED }

    static ConferenceRow of(Conference conference, long registeredToday, Instant now, Locale locale, Moments moments) {
        String language = locale.getLanguage();
        String title = ConferenceSnapshot.localized(conference.title(), language, conference.languages());
        String titleLanguage = ConferenceCard.languageOf(conference.title(), language, conference);
        Conference.RegistrationWindow window = conference.window();
        Window state = window.notYetOpen(now) ? Window.NOT_YET_OPEN : window.closed(now) ? Window.CLOSED : Window.OPEN;
        return new ConferenceRow(conference.id(), title, titleLanguage,
                moments.dates(conference.startDate(), conference.endDate(), locale), conference.city(),
                conference.capacity(), conference.confirmed(), conference.seatsLeft(), conference.waitlistLength(),
                registeredToday, state, moments.moment(window.opens(), locale), moments.moment(window.closes(), locale));
    }

    public boolean isOpen() {
        return window == Window.OPEN;
    }
}
