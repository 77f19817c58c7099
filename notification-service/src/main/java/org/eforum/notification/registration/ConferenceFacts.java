package org.eforum.notification.registration;

import java.util.Map;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.notification.mail.HeaderText;
import org.eforum.notification.mail.MailLanguage;
import org.eforum.notification.mail.MailTemplates;

/** What a mail says about the conference, in one language, from the snapshot the event carries. */
record ConferenceFacts(String title, String dates, String venue, String city, String country, String place) {

    static ConferenceFacts of(ConferenceSnapshot conference, MailLanguage language) {
        String title = HeaderText.singleLine(conference.title(language.code()));
        String venue = HeaderText.singleLine(conference.venue(language.code()));
        String city = HeaderText.singleLine(conference.city());
        String country = MailTemplates.country(conference.country(), language);
        String place = String.join(", ", java.util.stream.Stream.of(venue, city, country)
                .filter(s -> !s.isBlank()).toList());
        return new ConferenceFacts(title, MailTemplates.dates(conference.startDate(), conference.endDate(), language),
                venue, city, country, place);
    }

    void addTo(Map<String, Object> variables) {
        variables.put("title", title);
        variables.put("dates", dates);
        variables.put("venue", venue);
        variables.put("city", city);
        variables.put("country", country);
        variables.put("place", place);
    }
}
