package org.eforum.registration.organiser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.ConferenceRequest;
import org.eforum.registration.validation.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The conference form as typed: every input by its name (the API's JSON path, {@code title.en}, {@code contact.email}),
 * turned into the API's {@link ConferenceRequest} so that the page and the API keep one set of rules. What cannot
 * even be read (a date that is no date) is an error of its field here; everything else is the request's validation.
 */
record ConferenceForm(Map<String, String> values, List<String> languages) {

    /** The inputs, top to bottom: errors are listed in this order. */
    static final List<String> FIELDS = List.of("id", "title.bg", "title.en", "venue.bg", "venue.en", "description.bg", "description.en", "languages",
            "startDate", "endDate", "city", "country", "capacity", "registrationOpens", "registrationCloses",
            "contact.name", "contact.email", "cc", "organiserNotifications", "moderated");

    /** What the form could not read, by field, as message codes; and the request made of the rest. */
    record Parsed(ConferenceRequest request, Map<String, String> unreadable) {
    }

    static ConferenceForm blank() {
        Map<String, String> values = new HashMap<>();
        values.put("organiserNotifications", OrganiserNotifications.IMMEDIATE.name());
        return new ConferenceForm(values, List.of("bg", "en"));
    }

    static ConferenceForm from(MultiValueMap<String, String> submitted) {
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            String value = submitted.getFirst(field);
            if (value != null && !field.equals("languages")) {
                values.put(field, value);
            }
        }
        if (!"true".equals(values.get("moderated"))) {
            values.remove("moderated"); // a checkbox: ticked sends "true", unticked sends nothing
        }
        List<String> languages = submitted.getOrDefault("languages", List.of()).stream()
                .filter(Language.SUPPORTED::contains).distinct().toList();
        return new ConferenceForm(values, languages);
    }

    static ConferenceForm of(Conference conference, ZoneId zone) {
        Map<String, String> values = new HashMap<>();
        values.put("id", conference.id());
        conference.title().forEach((language, text) -> values.put("title." + language, text));
        conference.venue().forEach((language, text) -> values.put("venue." + language, text));
        conference.description().forEach((language, text) -> values.put("description." + language, text));
        values.put("startDate", conference.startDate().toString());
        values.put("endDate", conference.endDate().toString());
        values.put("city", conference.city());
        values.put("country", conference.country());
        values.put("capacity", Integer.toString(conference.capacity()));
        putMoment(values, "registrationOpens", conference.registrationOpens(), zone);
        putMoment(values, "registrationCloses", conference.registrationCloses(), zone);
        values.put("contact.name", conference.contact().name());
        values.put("contact.email", conference.contact().email());
        values.put("cc", conference.cc() == null ? "" : String.join("\n", conference.cc()));
        values.put("organiserNotifications", conference.organiserNotifications().name());
        if (conference.isModerated()) {
            values.put("moderated", "true");
        }
        return new ConferenceForm(values, List.copyOf(conference.languages()));
    }

    public boolean speaks(String language) {
        return languages.contains(language);
    }

    /**
     * The request this form asks for. Times are typed in the conferences' local time ({@code zone}); a text left
     * empty is absent; a language's title, venue and description count only when that language is ticked.
     */
    Parsed parse(ZoneId zone) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        Map<String, String> title = texts("title");
        Map<String, String> venue = texts("venue");
        Map<String, String> description = texts("description");
        LocalDate startDate = read("startDate", LocalDate::parse, unreadable);
        LocalDate endDate = read("endDate", LocalDate::parse, unreadable);
        Integer capacity = read("capacity", Integer::valueOf, unreadable);
        Instant opens = read("registrationOpens", text -> LocalDateTime.parse(text).atZone(zone).toInstant(), unreadable);
        Instant closes = read("registrationCloses", text -> LocalDateTime.parse(text).atZone(zone).toInstant(), unreadable);
        OrganiserNotifications notifications = read("organiserNotifications", OrganiserNotifications::valueOf, unreadable);
        List<String> cc = Arrays.stream(value("cc") == null ? new String[0] : value("cc").split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        ConferenceRequest request = new ConferenceRequest(value("id"), title, venue, startDate, endDate, value("city"),
                value("country"), capacity, opens, closes, languages,
                new ConferenceRequest.ContactRequest(value("contact.name"), value("contact.email")), cc, notifications,
                description, "true".equals(values.get("moderated")));
        return new Parsed(request, unreadable);
    }

    private Map<String, String> texts(String field) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : languages) {
            String text = value(field + "." + language);
            if (text != null) {
                texts.put(language, text);
            }
        }
        return texts;
    }

    private @Nullable String value(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private <T> @Nullable T read(String field, Function<String, T> parser, Map<String, String> unreadable) {
        String text = value(field);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            unreadable.put(field, "typeMismatch");
            return null;
        }
    }

    private static void putMoment(Map<String, String> values, String field, @Nullable Instant moment, ZoneId zone) {
        if (moment != null) {
            // What an <input type="datetime-local"> shows and sends back: local time to the minute.
            values.put(field, LocalDateTime.ofInstant(moment, zone).truncatedTo(ChronoUnit.MINUTES).toString());
        }
    }

    /** The fields in form order, for the error summary (any other after them, in the order given). */
    static List<String> inFormOrder(Collection<String> fields) {
        List<String> ordered = new ArrayList<>(fields);
        ordered.sort(Comparator.comparingInt(field -> FIELDS.contains(field) ? FIELDS.indexOf(field) : FIELDS.size()));
        return ordered;
    }
}
