package org.eforum.registration.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.registration.page.Browser.attribute;
import static org.eforum.registration.page.Browser.tag;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eforum.contracts.Topics;
import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.page.Browser;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A conference's description in both languages: optional, plain text with line breaks, checked like the other
 * texts; stored, carried in the conference's event, edited in the workspace and shown (escaped) on the public form.
 */
class ConferenceDescriptionIT extends IntegrationSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String withDescription(String id, String description) {
        String json = conferenceJson(id, 20, null);
        return json.substring(0, json.lastIndexOf('}')) + ", \"description\": " + description + "}";
    }

    @Test
    void theDescriptionIsStoredPublishedAndShownEscapedInThePageLanguageWithItsLineBreaks() {
        String id = newConferenceId("described");
        HttpResponse<String> created = postJson("/api/conferences", withDescription(id,
                "{\"bg\": \"Два дни за интеграцията.\\nПрограмата следва.\", "
                        + "\"en\": \"Two days on <b>integration</b>.\\nThe programme follows.\"}"), ORGANISER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode conference = json(get("/api/conferences/" + id, "application/json", null));
        assertThat(conference.at("/description/en").asString()).isEqualTo("Two days on <b>integration</b>.\nThe programme follows.");

        HttpResponse<String> english = new Browser(port, "en").get("/conferences/" + id + "/register");
        assertThat(english.body()).contains("Two days on &lt;b&gt;integration&lt;/b&gt;.\nThe programme follows.")
                .doesNotContain("<b>integration</b>");
        HttpResponse<String> bulgarian = new Browser(port, "en").get("/conferences/" + id + "/register?lang=bg");
        assertThat(bulgarian.body()).contains("Два дни за интеграцията.\nПрограмата следва.");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(EventLog.readAll(bootstrapServers,
                        Topics.CONFERENCES).stream().filter(r -> id.equals(r.key()))
                .map(r -> JSON.readTree(r.value()).at("/conference/description/bg").asString()))
                .contains("Два дни за интеграцията.\nПрограмата следва."));
    }

    @Test
    void aConferenceWithoutADescriptionShowsNone() {
        String id = createConference("undescribed", 5);

        assertThat(json(get("/api/conferences/" + id, "application/json", null)).path("description").size()).isZero();
        assertThat(new Browser(port, "en").get("/conferences/" + id + "/register").body())
                .doesNotContain("conference-description");
    }

    @Test
    void aDescriptionTooLongOrWithControlCharactersIsA400AndNothingIsStored() {
        Map<String, String> bad = Map.of(
                "{\"en\": \"" + "x".repeat(5_001) + "\"}", "description[en]",
                "{\"bg\": \"Текст\\u0007\"}", "description[bg]",
                "{\"bg\": \"Текст\\u202E\"}", "description[bg]",
                "{\"de\": \"Text\"}", "description",
                "{\"en\": 5}", "description.en");
        bad.forEach((description, field) -> {
            String id = newConferenceId("bad-description");
            HttpResponse<String> refused = postJson("/api/conferences", withDescription(id, description), ORGANISER);

            assertThat(refused.statusCode()).as(field).isEqualTo(400);
            assertThat(errorFields(refused)).as(description.length() > 100 ? field : description)
                    .anySatisfy(name -> assertThat(name).startsWith(field));
            assertThat(get("/api/conferences/" + id, "application/json", null).statusCode()).isEqualTo(404);
        });
    }

    @Test
    void theOrganiserWritesTheDescriptionInTheFormBesideTheOtherTextsAndAnErrorIsShownBesideIt() {
        String id = createConference("form-described", 5);
        Browser browser = new Browser(port, "en");
        browser.fillInAndSubmit("/organiser/login", Map.of("username", "organiser", "password", "organiser"));
        HttpResponse<String> edit = browser.get("/organiser/conferences/" + id + "/edit");
        for (String name : List.of("description.bg", "description.en")) {
            String textarea = tag(edit.body(), "textarea", "name", name).orElseThrow(() -> new AssertionError(name));
            assertThat(tag(edit.body(), "label", "for", attribute(textarea, "id").orElseThrow())).as(name).isPresent();
        }

        HttpResponse<String> tooLong = browser.submit(edit, "/organiser/conferences/" + id,
                formWith(edit, "x".repeat(5_001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Browser.textOf(tooLong.body(), "description-en-error")).hasValueSatisfying(
                error -> assertThat(error).contains("at most"));
        assertThat(json(get("/api/conferences/" + id, "application/json", null)).path("description").size()).isZero();

        HttpResponse<String> saved = browser.submit(edit, "/organiser/conferences/" + id,
                formWith(edit, "Line one.\r\nLine two."));
        assertThat(saved.body()).contains("Your changes are saved.");
        assertThat(json(get("/api/conferences/" + id, "application/json", null)).at("/description/en").asString())
                .isEqualTo("Line one.\nLine two.");
        assertThat(browser.get("/organiser/conferences/" + id + "/edit").body()).contains("Line one.\nLine two.</textarea>");
    }

    private static List<Map.Entry<String, String>> formWith(HttpResponse<String> edit, String englishDescription) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String name : List.of("title.bg", "title.en", "venue.bg", "venue.en", "startDate", "endDate", "city",
                "capacity", "registrationOpens", "registrationCloses", "contact.name", "contact.email")) {
            fields.add(Map.entry(name, Browser.unescape(attribute(tag(edit.body(), "input", "name", name).orElseThrow(),
                    "value").orElse(""))));
        }
        fields.add(Map.entry("country", "BG"));
        fields.add(Map.entry("languages", "bg"));
        fields.add(Map.entry("languages", "en"));
        fields.add(Map.entry("organiserNotifications", "IMMEDIATE"));
        fields.add(Map.entry("description.en", englishDescription));
        return fields;
    }
}
