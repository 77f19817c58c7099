package org.eforum.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/**
 * Two demo conferences modelled on the ones that inspired E-Forum, dated a few months from today, so a newcomer
 * has a real form to try at once. Addresses are on example.org; the mail server keeps what is sent to them.
 */
public final class DemoConferences {

    public record Demo(String id, String contactEmail, String ccEmail) {
    }

    private DemoConferences() {
    }

    public static List<Demo> load(String registrationBaseUrl, LocalDate today) throws IOException, InterruptedException {
        LocalDate dialogue = today.plusMonths(3);
        LocalDate emn = today.plusMonths(4);
        Demo first = new Demo("integration-dialogue-" + dialogue.getYear(), "integration-dialogue@example.org",
                "eforum-secretariat@example.org");
        Demo second = new Demo("emn-crossroads-of-migration-" + emn.getYear(), "emn-bulgaria@example.org",
                "emn-conference@example.org");
        create(registrationBaseUrl, """
                {"id": "%s",
                 "title": {"en": "Dialogue for Strategic Partnership in the Integration of Immigrants in Bulgarian Society",
                           "bg": "Диалог за стратегическо партньорство в интеграцията на имигрантите в българското общество"},
                 "venue": {"en": "Park-Hotel Vitosha", "bg": "Парк-хотел „Витоша“"},
                 "startDate": "%s", "endDate": "%s", "city": "Sofia", "country": "BG", "capacity": 120,
                 "languages": ["bg", "en"],
                 "contact": {"name": "Maria Ivanova", "email": "%s"},
                 "cc": ["%s"],
                 "organiserNotifications": "IMMEDIATE"}
                """.formatted(first.id(), dialogue, dialogue.plusDays(1), first.contactEmail(), first.ccEmail()));
        create(registrationBaseUrl, """
                {"id": "%s",
                 "title": {"en": "Crossroads of Migration: Challenges and Success Factors in Managing Migration Flows",
                           "bg": "Кръстопътищата на миграцията: предизвикателства и фактори за успех при управлението на миграционните потоци"},
                 "venue": {"en": "National Palace of Culture, Hall 7", "bg": "Национален дворец на културата, зала 7"},
                 "startDate": "%s", "endDate": "%s", "city": "Sofia", "country": "BG", "capacity": 200,
                 "languages": ["bg", "en"],
                 "contact": {"name": "EMN National Contact Point Bulgaria", "email": "%s"},
                 "cc": ["%s"],
                 "organiserNotifications": "IMMEDIATE"}
                """.formatted(second.id(), emn, emn.plusDays(1), second.contactEmail(), second.ccEmail()));
        return List.of(first, second);
    }

    private static void create(String baseUrl, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/conferences"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("organiser:organiser".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("Creating a demo conference failed: " + response.statusCode() + " "
                    + response.body());
        }
    }
}
