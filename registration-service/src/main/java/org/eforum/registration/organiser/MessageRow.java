package org.eforum.registration.organiser;

import java.util.Locale;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.registration.message.ConferenceMessage;
import org.jspecify.annotations.Nullable;

/** One sent message in the conference's list: when, who, to whom, how many, and its subject in the page's language. */
record MessageRow(String sentAt, String sentBy, String audience, @Nullable Integer recipients, String subject,
        String subjectLanguage) {

    static MessageRow of(ConferenceMessage message, Locale locale, Moments moments,
            java.util.List<String> conferenceLanguages) {
        String language = locale.getLanguage();
        String subjectLanguage = message.subject().containsKey(language) ? language
                : conferenceLanguages.stream().filter(message.subject()::containsKey).findFirst()
                        .orElse(message.subject().keySet().stream().findFirst().orElse(language));
        return new MessageRow(moments.moment(message.sentAt(), locale), message.sentBy(), message.audience().name(),
                message.recipients(), ConferenceSnapshot.localized(message.subject(), language, conferenceLanguages),
                subjectLanguage);
    }
}
