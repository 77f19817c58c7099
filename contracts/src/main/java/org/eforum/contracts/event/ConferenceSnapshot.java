package org.eforum.contracts.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A conference as consumers see it. {@code title} and {@code venue} are keyed by language ({@code bg},
 * {@code en}); {@code languages} is ordered, the first one is the conference's main language. {@code description}
 * (added compatibly within v1) is keyed the same way, plain text with line breaks, possibly in neither language:
 * absent in older records, read as no description. {@code moderated} (added compatibly within v1; absent read as
 * false) says that the organisers approve each registration before it takes a seat.
 */
public record ConferenceSnapshot(
        String id,
        Map<String, String> title,
        Map<String, String> venue,
        LocalDate startDate,
        LocalDate endDate,
        String city,
        String country,
        int capacity,
        Instant registrationOpens,
        Instant registrationCloses,
        List<String> languages,
        Contact contact,
        List<String> cc,
        OrganiserNotifications organiserNotifications,
        Map<String, String> description,
        Boolean moderated) {

    public ConferenceSnapshot {
        moderated = Boolean.TRUE.equals(moderated);
        title = Map.copyOf(title);
        description = description == null ? Map.of() : Map.copyOf(description);
        venue = Map.copyOf(venue);
        languages = List.copyOf(languages);
        cc = cc == null ? List.of() : List.copyOf(cc);
    }

    /** A conference without a description (as every record written before descriptions). */
    public ConferenceSnapshot(String id, Map<String, String> title, Map<String, String> venue, LocalDate startDate,
            LocalDate endDate, String city, String country, int capacity, Instant registrationOpens,
            Instant registrationCloses, List<String> languages, Contact contact, List<String> cc,
            OrganiserNotifications organiserNotifications) {
        this(id, title, venue, startDate, endDate, city, country, capacity, registrationOpens, registrationCloses,
                languages, contact, cc, organiserNotifications, Map.of());
    }

    /** A conference that is not moderated (as every record written before moderation). */
    public ConferenceSnapshot(String id, Map<String, String> title, Map<String, String> venue, LocalDate startDate,
            LocalDate endDate, String city, String country, int capacity, Instant registrationOpens,
            Instant registrationCloses, List<String> languages, Contact contact, List<String> cc,
            OrganiserNotifications organiserNotifications, Map<String, String> description) {
        this(id, title, venue, startDate, endDate, city, country, capacity, registrationOpens, registrationCloses,
                languages, contact, cc, organiserNotifications, description, false);
    }

    /** The text in the wanted language, else in the conference's main language, else any. */
    public static String localized(Map<String, String> texts, String language, List<String> languages) {
        if (texts.containsKey(language)) {
            return texts.get(language);
        }
        return languages.stream().filter(texts::containsKey).findFirst().map(texts::get)
                .orElseGet(() -> texts.values().stream().findFirst().orElse(""));
    }

    public String title(String language) {
        return localized(title, language, languages);
    }

    public String venue(String language) {
        return localized(venue, language, languages);
    }

    /** The description in the wanted language, else in another one; empty when there is none. */
    public String description(String language) {
        return description.isEmpty() ? "" : localized(description, language, languages);
    }

    public String mainLanguage() {
        return languages.isEmpty() ? "en" : languages.get(0);
    }
}
