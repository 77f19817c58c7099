package org.eforum.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.registration.page.Browser.tag;
import static org.eforum.registration.page.Browser.textOf;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.page.Browser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Organisers set a conference's own questions on its page: add one with its options in both languages, see every
 * error beside its input with nothing changed, edit it (its kind stays), reorder, and take one away — which the
 * API then shows retired, its answers still exported. Another team's organiser finds no such page.
 */
class OrganiserQuestionsPageIT extends IntegrationSupport {

    @Test
    void anOrganiserAddsEditsReordersAndTakesAwayQuestions() {
        String id = createConference("questions-page", 20);
        Browser browser = loggedIn("organiser", "organiser", "en");
        HttpResponse<String> overview = browser.get("/organiser/conferences/" + id);
        assertThat(overview.body()).contains("href=\"/organiser/conferences/" + id + "/questions\"");
        HttpResponse<String> empty = browser.get("/organiser/conferences/" + id + "/questions");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("The form asks no questions of its own yet.");

        HttpResponse<String> form = browser.get("/organiser/conferences/" + id + "/questions/new");
        HttpResponse<String> added = browser.submit(form, "/organiser/conferences/" + id + "/questions", List.of(
                Map.entry("questionId", "interpretation"), Map.entry("kind", "ONE_OF"),
                Map.entry("questionLabel.bg", "Превод"), Map.entry("questionLabel.en", "Interpretation"),
                Map.entry("required", "true"),
                Map.entry("option.0.id", ""), Map.entry("option.0.bg", "Без превод"), Map.entry("option.0.en", "None"),
                Map.entry("option.1.id", ""), Map.entry("option.1.bg", "На английски"), Map.entry("option.1.en", "Into English"),
                Map.entry("option.2.id", ""), Map.entry("option.2.bg", ""), Map.entry("option.2.en", "")));
        assertThat(added.previousResponse().map(HttpResponse::statusCode)).hasValue(303);
        assertThat(added.body()).contains("The question is added to the form.").contains("Interpretation");
        HttpResponse<String> second = browser.submit(form, "/organiser/conferences/" + id + "/questions", List.of(
                Map.entry("questionId", "wheelchair"), Map.entry("kind", "YES_NO"),
                Map.entry("questionLabel.bg", "Инвалидна количка"), Map.entry("questionLabel.en", "Wheelchair access"),
                Map.entry("onlyFor", "GOVERNMENT_INSTITUTION")));
        assertThat(second.previousResponse().map(HttpResponse::statusCode)).hasValue(303);

        JsonNode questions = questions(id);
        assertThat(questions.size()).isEqualTo(2);
        assertThat(questions.at("/0/id").asString()).isEqualTo("interpretation");
        assertThat(questions.at("/0/required").asBoolean()).isTrue();
        assertThat(questions.at("/0/options/1/id").asString()).isEqualTo("option-2");
        assertThat(questions.at("/0/options/1/label/bg").asString()).isEqualTo("На английски");
        assertThat(questions.at("/1/onlyFor/0").asString()).isEqualTo("GOVERNMENT_INSTITUTION");

        // An answer is given before the options change, so its column must stay readable.
        assertThat(register(id, registrationJson("Ana", "Petrova", "ana.questions.page@example.org")
                .replaceFirst("\\}\\s*$", ", \"answers\": {\"interpretation\": \"option-1\"}}")).statusCode())
                .isEqualTo(201);

        HttpResponse<String> edit = browser.get("/organiser/conferences/" + id + "/questions/interpretation");
        assertThat(edit.body()).contains("it cannot change once the question exists");
        assertThat(tag(edit.body(), "select", "name", "kind")).as("no kind to change").isEmpty();
        HttpResponse<String> edited = browser.submit(edit, "/organiser/conferences/" + id + "/questions/interpretation",
                List.of(Map.entry("questionLabel.bg", "Превод на място"), Map.entry("questionLabel.en", "Interpretation on site"),
                        Map.entry("required", "true"), Map.entry("kind", "SHORT_TEXT"),
                        Map.entry("option.0.id", "option-1"), Map.entry("option.0.bg", "Без превод"), Map.entry("option.0.en", "None"),
                        Map.entry("option.1.id", "option-2"), Map.entry("option.1.bg", ""), Map.entry("option.1.en", ""),
                        Map.entry("option.2.id", ""), Map.entry("option.2.bg", "На български"), Map.entry("option.2.en", "Into Bulgarian")));
        assertThat(edited.previousResponse().map(HttpResponse::statusCode)).hasValue(303);
        questions = questions(id);
        assertThat(questions.at("/0/kind").asString()).as("a forged kind changes nothing").isEqualTo("ONE_OF");
        assertThat(questions.at("/0/label/en").asString()).isEqualTo("Interpretation on site");
        assertThat(optionIds(questions.at("/0/options"))).containsExactly("option-1", "option-3");

        HttpResponse<String> list = browser.get("/organiser/conferences/" + id + "/questions");
        HttpResponse<String> moved = browser.submit(list, "/organiser/conferences/" + id + "/questions/wheelchair/up", List.of());
        assertThat(moved.body()).contains("The order is saved.");
        assertThat(questions(id).at("/0/id").asString()).isEqualTo("wheelchair");

        HttpResponse<String> removed = browser.submit(moved, "/organiser/conferences/" + id
                + "/questions/interpretation/remove", List.of());
        assertThat(removed.body()).contains("Taken away (their answers are kept)");
        JsonNode all = organiserQuestions(id);
        assertThat(all.at("/1/id").asString()).isEqualTo("interpretation");
        assertThat(all.at("/1/retired").asBoolean()).isTrue();
        String csv = get("/api/conferences/" + id + "/registrations", "text/csv", ORGANISER).body();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("Превод на място (retired)");
        assertThat(csv).contains("Без превод");
    }

    @Test
    void aWrongFormShowsEachErrorBesideItsInputInThePagesLanguageAndChangesNothing() {
        String id = createConference("questions-page-errors", 20);
        Browser browser = loggedIn("organiser", "organiser", "bg");
        HttpResponse<String> form = browser.get("/organiser/conferences/" + id + "/questions/new");
        assertThat(form.body()).contains("Нов въпрос");

        HttpResponse<String> refused = browser.submit(form, "/organiser/conferences/" + id + "/questions", List.of(
                Map.entry("questionId", "Bad Id"), Map.entry("kind", "SEVERAL_OF"),
                Map.entry("questionLabel.bg", "Панели"), Map.entry("questionLabel.en", "   "),
                Map.entry("option.0.id", ""), Map.entry("option.0.bg", "Труд"), Map.entry("option.0.en", ""),
                Map.entry("onlyFor", "NOBODY")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(textOf(refused.body(), "questionLabel-en-error")).hasValueSatisfying(
                error -> assertThat(error).contains("Напишете въпроса на този език"));
        assertThat(textOf(refused.body(), "onlyFor-error")).isPresent();
        assertThat(refused.body()).contains("href=\"#questionLabel-en\"");
        assertThat(tag(refused.body(), "input", "name", "questionLabel.bg").orElseThrow()).contains("value=\"Панели\"");

        HttpResponse<String> second = browser.submit(form, "/organiser/conferences/" + id + "/questions", List.of(
                Map.entry("questionId", "Bad Id"), Map.entry("kind", "SEVERAL_OF"),
                Map.entry("questionLabel.bg", "Панели"), Map.entry("questionLabel.en", "Panels"),
                Map.entry("option.0.id", ""), Map.entry("option.0.bg", "Труд"), Map.entry("option.0.en", "")));
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(textOf(second.body(), "questionId-error")).isPresent();
        assertThat(textOf(second.body(), "option-0-en-error")).isPresent();
        assertThat(textOf(second.body(), "options-error")).as("one option is too few").isPresent();
        assertThat(questions(id).size()).as("nothing changed").isZero();
    }

    @Test
    void anotherTeamsOrganiserFindsNoSuchPageAndChangesNothing() {
        String other = "questions-" + newConferenceId("org").substring(4);
        createOrganiserAccount(other, "the other organiser's password");
        String id = createConference("questions-page-team", 20);
        Browser outsider = loggedIn(other, "the other organiser's password", "en");

        for (String page : List.of("/organiser/conferences/" + id + "/questions",
                "/organiser/conferences/" + id + "/questions/new")) {
            assertThat(outsider.get(page).statusCode()).as(page).isEqualTo(404);
        }
        HttpResponse<String> ownList = outsider.get("/organiser");
        assertThat(outsider.submit(ownList, "/organiser/conferences/" + id + "/questions", List.of(
                Map.entry("questionId", "x"), Map.entry("kind", "YES_NO"), Map.entry("questionLabel.bg", "Б"),
                Map.entry("questionLabel.en", "E"))).statusCode()).isEqualTo(404);
        assertThat(questions(id).size()).isZero();
    }

    private JsonNode questions(String id) {
        return JSON.readTree(get("/api/conferences/" + id, "application/json", null).body()).path("questions");
    }

    private JsonNode organiserQuestions(String id) {
        return JSON.readTree(get("/api/conferences/" + id, "application/json", ORGANISER).body()).path("questions");
    }

    private static List<String> optionIds(JsonNode options) {
        List<String> ids = new ArrayList<>();
        options.forEach(option -> {
            if (!option.path("retired").asBoolean()) {
                ids.add(option.path("id").asString());
            }
        });
        return ids;
    }

    private Browser loggedIn(String username, String password, String language) {
        return Browser.loggedInOrganiser(port, username, password, language);
    }
}
