package org.eforum.registration.organiser;

import java.util.List;
import java.util.Locale;

import org.eforum.contracts.event.Participant;
import org.eforum.registration.registration.Actor;
import org.eforum.registration.registration.HistoryEntry;
import org.eforum.registration.registration.Registration;
import org.jspecify.annotations.Nullable;

/** One registration as its page shows it: every value written out in the page's language, Sofia time. */
record RegistrationDetails(
        String id,
        String name,
        String email,
        String organisation,
        @Nullable String position,
        String stakeholderType,
        String country,
        String language,
        boolean dataProcessing,
        boolean listInDirectory,
        boolean joinExpertsNetwork,
        @Nullable String addressConfirmedAt,
        String status,
        @Nullable String notes,
        String registeredAt,
        String registeredAtIso,
        List<HistoryLine> history) {

    /**
     * One line of the history. {@code byKey} is the message of who acted ({@code organiser.history.by.<KIND>});
     * {@code username} fills it in for organisers and operators.
     */
    record HistoryLine(String change, String at, String atIso, String byKey, @Nullable String username) {
    }

    static RegistrationDetails of(Registration registration, Locale locale, Moments moments) {
        Participant p = registration.participant();
        var consents = p.consents();
        return new RegistrationDetails(registration.id(), p.firstName() + " " + p.lastName(), p.email(),
                p.organisation(), p.position(), p.stakeholderType().name(), countryName(p.country(), locale),
                Locale.forLanguageTag(p.language()).getDisplayLanguage(locale),
                consents != null && consents.dataProcessing(), consents != null && consents.listInDirectory(),
                consents != null && consents.joinExpertsNetwork(),
                moments.moment(registration.addressConfirmedAt(), locale), registration.status().name(),
                registration.notes(), moments.moment(registration.registeredAt(), locale),
                iso(registration.registeredAt()),
                registration.historyAsKnown().stream().map(entry -> line(entry, locale, moments)).toList());
    }

    private static HistoryLine line(HistoryEntry entry, Locale locale, Moments moments) {
        Actor by = entry.by() == null ? Actor.system() : entry.by();
        boolean named = by.username() != null && !by.username().isBlank();
        return new HistoryLine(entry.change().name(), moments.moment(entry.at(), locale), iso(entry.at()),
                "organiser.history.by." + by.kind().name() + (named ? ".named" : ""), by.username());
    }

    static String iso(java.time.Instant instant) {
        return instant.atZone(Moments.LOCAL_TIME).toOffsetDateTime().toString();
    }

    private static String countryName(String code, Locale locale) {
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
    }
}
