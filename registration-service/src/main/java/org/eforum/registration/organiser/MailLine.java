package org.eforum.registration.organiser;

import java.util.Locale;

import org.eforum.registration.maillog.MailDelivery;
import org.jspecify.annotations.Nullable;

/** One mail of the registration as the page lists it: the kind and status as message keys, the time in Sofia. */
record MailLine(String kind, @Nullable String recipient, @Nullable String language, String status, int attempts,
        @Nullable String lastError, @Nullable String updatedAt, @Nullable String updatedAtIso) {

    static MailLine of(MailDelivery delivery, Locale locale, Moments moments) {
        return new MailLine(delivery.kind(), delivery.recipient(),
                delivery.language() == null ? null : Locale.forLanguageTag(delivery.language()).getDisplayLanguage(locale),
                delivery.status(), delivery.attempts(), delivery.lastError(), moments.moment(delivery.updatedAt(), locale),
                delivery.updatedAt() == null ? null : RegistrationDetails.iso(delivery.updatedAt()));
    }
}
