package org.eforum.bench.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eforum.bench.api.Json;

/**
 * The conferences and registrations of one rush (or preload), built before the clock starts so that only the
 * exchanges are measured. Every participant carries {@code tag} as their last name, so the public directory
 * counts exactly this workload's listed people with {@code q=tag}.
 */
public record Workload(String tag, List<String> conferenceIds, int seats, List<Registration> registrations) {

    /** One form submission; half of them consent to the public directory. */
    public record Registration(String conferenceId, String body, boolean listed, String email) {
    }

    private static final String[] TYPES = {"GOVERNMENT_INSTITUTION", "LOCAL_AUTHORITY", "SOCIAL_PARTNER",
            "CIVIL_SOCIETY", "IMMIGRANT_COMMUNITY", "INTERNATIONAL_ORGANISATION", "ACADEMIA", "MEDIA", "EXPERT", "OTHER"};

    /**
     * @param prefix conference id prefix, e.g. {@code rush-1767000000-1}; ids are {@code prefix-n}
     * @param tag    a word unique to this workload (letters and digits, ending in a letter so no other tag
     *               starts with it), used as every participant's last name
     */
    public static Workload of(String prefix, String tag, int conferences, int seats, int registrations) {
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= conferences; n++) {
            ids.add(prefix + "-" + n);
        }
        List<Registration> list = new ArrayList<>(registrations);
        for (int i = 0; i < registrations; i++) {
            String conference = ids.get(i % conferences);
            boolean listed = i % 2 == 0;
            boolean bulgarian = i % 3 == 0;
            String email = tag + "." + i + "@participants.example.org";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("firstName", bulgarian ? "Участник" + i : "Participant" + i);
            body.put("lastName", tag);
            body.put("email", email);
            body.put("organisation", "Bench Organisation " + (i % 97));
            body.put("stakeholderType", TYPES[i % TYPES.length]);
            body.put("country", bulgarian ? "BG" : "RO");
            body.put("language", bulgarian ? "bg" : "en");
            body.put("consents", Map.of("dataProcessing", true, "listInDirectory", listed,
                    "joinExpertsNetwork", i % 10 == 0));
            list.add(new Registration(conference, Json.write(body), listed, email));
        }
        return new Workload(tag, List.copyOf(ids), seats, List.copyOf(list));
    }

    /** The organiser's request for one conference: IMMEDIATE organiser mail to a contact and one cc. */
    public String conferenceBody(String id) {
        LocalDate start = LocalDate.now().plusMonths(3);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("title", Map.of("en", "Bench conference " + id, "bg", "Конференция " + id));
        body.put("venue", Map.of("en", "Park-Hotel Vitosha", "bg", "Парк-хотел „Витоша“"));
        body.put("startDate", start.toString());
        body.put("endDate", start.plusDays(1).toString());
        body.put("city", "Sofia");
        body.put("country", "BG");
        body.put("capacity", seats);
        body.put("languages", List.of("bg", "en"));
        body.put("contact", Map.of("name", "Bench Contact", "email", "contact." + id + "@organisers.example.org"));
        body.put("cc", List.of("cc." + id + "@organisers.example.org"));
        body.put("organiserNotifications", "IMMEDIATE");
        return Json.write(body);
    }

    public long listedCount() {
        return registrations.stream().filter(Registration::listed).count();
    }
}
