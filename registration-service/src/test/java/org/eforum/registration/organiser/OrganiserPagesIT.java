package org.eforum.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.registration.page.Browser.attribute;
import static org.eforum.registration.page.Browser.tag;
import static org.eforum.registration.page.Browser.textOf;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.page.Browser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An organiser works with their conferences in the browser (no JavaScript needed): log in, list, create, edit, open, close. */
class OrganiserPagesIT extends IntegrationSupport {

    @Test
    void theWorkspaceAsksForALoginAndAWrongPasswordIsToldPlainly() {
        Browser browser = new Browser(port, "en");

        HttpResponse<String> login = browser.get("/organiser");

        assertThat(login.uri().getPath()).isEqualTo("/organiser/login");
        assertThat(tag(login.body(), "input", "name", "username")).isPresent();
        assertThat(tag(login.body(), "input", "name", "password")).isPresent();
        assertThat(tag(login.body(), "label", "for", "username")).isPresent();
        assertThat(tag(login.body(), "label", "for", "password")).isPresent();
        HttpResponse<String> wrong = browser.fillInAndSubmit("/organiser/login",
                Map.of("username", "organiser", "password", "not-the-password"));
        assertThat(wrong.uri().getPath()).isEqualTo("/organiser/login");
        assertThat(textOf(wrong.body(), "login-error")).hasValue("The username or the password is not right. Try again.");
        assertThat(browser.get("/organiser").uri().getPath()).as("still not in").isEqualTo("/organiser/login");
    }

    @Test
    void theLoginFormSpeaksTheLanguageTheOrganiserAskedFor() {
        HttpResponse<String> login = new Browser(port, "en").get("/organiser?lang=bg");

        assertThat(login.uri().getPath()).isEqualTo("/organiser/login");
        assertThat(tag(login.body(), "html", "lang", "bg")).isPresent();
        assertThat(login.body()).contains("Вход за организатори");
    }

    @Test
    void anOperatorIsNotAnOrganiser() {
        Browser operator = new Browser(port, "en");
        operator.fillInAndSubmit("/organiser/login", Map.of("username", "operator", "password", "operator"));

        assertThat(operator.get("/organiser").statusCode()).isEqualTo(403);
    }

    @Test
    void theOrganiserCreatesAConferenceInBothLanguagesAndSeesItInTheirListAndThroughTheApi() {
        Browser browser = loggedIn("en");
        String id = newConferenceId("page-new");
        HttpResponse<String> form = browser.get("/organiser/conferences/new");
        assertThat(form.statusCode()).isEqualTo(200);
        for (String name : List.of("id", "title.bg", "title.en", "venue.bg", "venue.en", "startDate", "endDate", "city",
                "capacity", "registrationOpens", "registrationCloses", "contact.name", "contact.email")) {
            String input = tag(form.body(), "input", "name", name).orElseThrow(() -> new AssertionError("no input " + name));
            assertThat(tag(form.body(), "label", "for", attribute(input, "id").orElseThrow())).as("label of %s", name)
                    .isPresent();
        }
        assertThat(tag(form.body(), "select", "name", "country")).isPresent();
        assertThat(tag(form.body(), "textarea", "name", "cc")).isPresent();

        HttpResponse<String> created = browser.submit(form, "/organiser/conferences", validForm(id));

        assertThat(created.previousResponse()).hasValueSatisfying(
                redirect -> assertThat(redirect.statusCode()).as("POST-redirect-GET").isEqualTo(303));
        assertThat(created.uri().getPath()).isEqualTo("/organiser/conferences/" + id);
        assertThat(created.body()).contains("The conference is created.", "Forum on Integration 2027", "0 / 120");
        JsonNode conference = JSON.readTree(get("/api/conferences/" + id).body());
        assertThat(conference.at("/title/bg").asString()).isEqualTo("Форум за интеграция 2027");
        assertThat(conference.at("/title/en").asString()).isEqualTo("Forum on Integration 2027");
        assertThat(conference.at("/capacity").asInt()).isEqualTo(120);
        assertThat(conference.at("/registrationCloses").asString()).as("typed in Sofia time (EEST, UTC+3)")
                .isEqualTo(LocalDate.now().getYear() + 1 + "-05-01T15:00:00Z");
        assertThat(conference.at("/organiserNotifications").asString()).isEqualTo("DIGEST");

        assertThat(textOf(browser.get("/organiser/conferences/" + id + "/edit").body(), "cc")).as("one address a line")
                .hasValue("team@ministry.example.bg press@ministry.example.bg");
        String list = browser.get("/organiser").body();
        assertThat(list).contains("Forum on Integration 2027", "href=\"/organiser/conferences/" + id + "\"");
    }

    @Test
    void anInvalidFormShowsEachErrorBesideItsInputKeepsWhatWasTypedAndCreatesNothing() {
        Browser browser = loggedIn("en");
        String id = newConferenceId("page-bad");
        List<Map.Entry<String, String>> fields = new ArrayList<>(validForm(id));
        fields.removeIf(field -> List.of("title.en", "startDate", "city", "capacity", "contact.email", "cc")
                .contains(field.getKey()));
        fields.add(Map.entry("startDate", "12 May"));
        fields.add(Map.entry("capacity", "0"));
        fields.add(Map.entry("contact.email", "not-an-address"));
        fields.add(Map.entry("cc", "press@ministry.example.bg\nnobody"));
        fields.add(Map.entry("city", "<script>alert(1)</script>"));

        HttpResponse<String> page = browser.submit(browser.get("/organiser/conferences/new"), "/organiser/conferences", fields);

        assertThat(page.statusCode()).isEqualTo(400);
        String html = page.body();
        assertThat(textOf(html, "title-en-error")).hasValue("Error: Give the title in every language of the conference.");
        assertThat(textOf(html, "startDate-error")).hasValue("Error: Enter a date such as 2027-05-12.");
        assertThat(textOf(html, "capacity-error")).hasValue("Error: Give at least 1 seat.");
        assertThat(textOf(html, "contact-email-error")).hasValue("Error: Enter an e-mail address such as name@example.org.");
        assertThat(textOf(html, "cc-error")).hasValue(
                "Error: Each line must be one e-mail address such as name@example.org.");
        assertThat(tag(html, "a", "href", "#title-en")).as("the summary links to the input").isPresent();
        String capacity = tag(html, "input", "name", "capacity").orElseThrow();
        assertThat(attribute(capacity, "aria-invalid")).hasValue("true");
        assertThat(attribute(capacity, "aria-describedby")).hasValue("capacity-error");
        assertThat(attribute(capacity, "value")).hasValue("0");
        assertThat(attribute(tag(html, "input", "name", "city").orElseThrow(), "value")).hasValue("<script>alert(1)</script>");
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(textOf(html, "title-bg-error")).as("a field without error is not marked").isEmpty();
        assertThat(get("/api/conferences/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aTakenAddressIsAnErrorBesideTheAddress() {
        Browser browser = loggedIn("bg");
        String id = createConference("page-taken", 10);

        HttpResponse<String> page = browser.submit(browser.get("/organiser/conferences/new"), "/organiser/conferences",
                validForm(id));

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(textOf(page.body(), "id-error")).hasValue("Грешка: Този адрес е зает от друга конференция. Изберете друг.");
    }

    @Test
    void theOrganiserEditsTheConferenceButCannotGoBelowTheSeatsTaken() {
        Browser browser = loggedIn("en");
        String id = createConference("page-edit", 10);
        register(id, registrationJson("Ana", "Petrova", "ana.edit@example.org"));
        register(id, registrationJson("Boris", "Ivanov", "boris.edit@example.org"));
        HttpResponse<String> edit = browser.get("/organiser/conferences/" + id + "/edit");
        assertThat(attribute(tag(edit.body(), "input", "name", "title.en").orElseThrow(), "value")).hasValue("Integration Forum");
        assertThat(attribute(tag(edit.body(), "input", "name", "capacity").orElseThrow(), "value")).hasValue("10");

        List<Map.Entry<String, String>> fields = formOf(edit, Map.of("capacity", "1"));
        HttpResponse<String> refused = browser.submit(edit, "/organiser/conferences/" + id, fields);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(textOf(refused.body(), "capacity-error")).hasValueSatisfying(
                message -> assertThat(message).contains("More participants are confirmed than this capacity"));
        assertThat(JSON.readTree(get("/api/conferences/" + id).body()).at("/capacity").asInt()).isEqualTo(10);

        HttpResponse<String> saved = browser.submit(edit, "/organiser/conferences/" + id,
                formOf(edit, Map.of("capacity", "25", "title.en", "Integration Forum, second edition")));

        assertThat(saved.uri().getPath()).isEqualTo("/organiser/conferences/" + id);
        assertThat(saved.body()).contains("Your changes are saved.", "2 / 25", "Integration Forum, second edition");
        JsonNode conference = JSON.readTree(get("/api/conferences/" + id).body());
        assertThat(conference.at("/capacity").asInt()).isEqualTo(25);
        assertThat(conference.at("/seatsLeft").asInt()).isEqualTo(23);
        assertThat(conference.at("/title/bg").asString()).as("the other language untouched").isEqualTo("Форум за интеграция");
        assertThat(browser.get("/organiser").body()).as("registered today").contains("<td class=\"number\">2</td>");
    }

    @Test
    void closeNowClosesThePublicFormAndOpenNowOpensItAgain() {
        Browser browser = loggedIn("en");
        String id = createConference("page-window", 10);
        HttpResponse<String> overview = browser.get("/organiser/conferences/" + id);
        assertThat(overview.body()).contains("Close registration now");

        HttpResponse<String> closed = browser.submit(overview, "/organiser/conferences/" + id + "/close", List.of());

        assertThat(closed.body()).contains("Registration is closed from now on.", "Open registration now");
        assertThat(register(id, registrationJson("Late", "Comer", "late@example.org")).statusCode()).isEqualTo(409);

        HttpResponse<String> opened = browser.submit(closed, "/organiser/conferences/" + id + "/open", List.of());

        assertThat(opened.body()).contains("Registration is open from now on.");
        assertThat(register(id, registrationJson("Late", "Comer", "late@example.org")).statusCode()).isEqualTo(201);
    }

    @Test
    void anotherTeamsConferenceIsNotInTheListAndItsPagesDoNotExistUntilTheTeamNamesTheOrganiser() {
        String other = "pages-" + newConferenceId("org").substring(4);
        createOrganiserAccount(other, "the other organiser's password");
        String id = createConference("page-team", 10);
        Browser outsider = loggedIn(other, "the other organiser's password", "en");
        HttpResponse<String> ownList = outsider.get("/organiser");
        assertThat(ownList.body()).doesNotContain(id).contains("You have no conferences yet.");

        for (String page : List.of("/organiser/conferences/" + id, "/organiser/conferences/" + id + "/edit")) {
            HttpResponse<String> refused = outsider.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(404);
            assertThat(refused.body()).as(page).doesNotContain("Integration Forum");
        }
        assertThat(outsider.submit(ownList, "/organiser/conferences/" + id + "/close", List.of()).statusCode()).isEqualTo(404);
        assertThat(outsider.submit(ownList, "/organiser/conferences/" + id, formOf(loggedIn("en")
                .get("/organiser/conferences/" + id + "/edit"), Map.of("capacity", "3"))).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/api/conferences/" + id).body()).at("/capacity").asInt()).as("nothing changed")
                .isEqualTo(10);
        assertThat(register(id, registrationJson("Still", "Open", "team.open@example.org")).statusCode()).isEqualTo(201);

        assertThat(putJson("/api/conferences/" + id + "/team", "{\"organisers\": [\"organiser\", \"" + other + "\"]}",
                ORGANISER).statusCode()).isEqualTo(200);

        assertThat(outsider.get("/organiser").body()).contains("href=\"/organiser/conferences/" + id + "\"");
        assertThat(outsider.get("/organiser/conferences/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void theApiStillAsksForHttpBasicNotTheLoginForm() {
        HttpResponse<String> api = get("/api/organiser/conferences", "application/json", null);

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        Browser browser = loggedIn("en");
        String id = createConference("page-csrf", 10);

        HttpResponse<String> forged = browser.post("/organiser/conferences/" + id + "/close", Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(register(id, registrationJson("Still", "Open", "still.open@example.org")).statusCode()).isEqualTo(201);
    }

    private Browser loggedIn(String language) {
        return loggedIn("organiser", "organiser", language);
    }

    private Browser loggedIn(String username, String password, String language) {
        return Browser.loggedInOrganiser(port, username, password, language);
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(url(path)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The edit form's values as the page filled them in, with some changed. */
    private static List<Map.Entry<String, String>> formOf(HttpResponse<String> edit, Map<String, String> changed) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String name : List.of("title.bg", "title.en", "venue.bg", "venue.en", "startDate", "endDate", "city",
                "capacity", "registrationOpens", "registrationCloses", "contact.name", "contact.email")) {
            String value = changed.getOrDefault(name,
                    attribute(tag(edit.body(), "input", "name", name).orElseThrow(), "value").orElse(""));
            fields.add(Map.entry(name, value));
        }
        fields.add(Map.entry("country", "BG"));
        fields.add(Map.entry("languages", "bg"));
        fields.add(Map.entry("languages", "en"));
        fields.add(Map.entry("cc", "team@eforum.example.org"));
        fields.add(Map.entry("organiserNotifications", "IMMEDIATE"));
        return fields;
    }

    private static List<Map.Entry<String, String>> validForm(String id) {
        int year = LocalDate.now().getYear() + 1;
        return new ArrayList<>(List.of(Map.entry("id", id), Map.entry("languages", "bg"), Map.entry("languages", "en"),
                Map.entry("title.bg", "Форум за интеграция 2027"), Map.entry("title.en", "Forum on Integration 2027"),
                Map.entry("venue.bg", "НДК, зала 3"), Map.entry("venue.en", "NDK, hall 3"),
                Map.entry("startDate", year + "-05-12"), Map.entry("endDate", year + "-05-13"),
                Map.entry("city", "Sofia"), Map.entry("country", "BG"), Map.entry("capacity", "120"),
                Map.entry("registrationOpens", ""), Map.entry("registrationCloses", year + "-05-01T18:00"),
                Map.entry("contact.name", "Мария Иванова"), Map.entry("contact.email", "maria@ministry.example.bg"),
                Map.entry("cc", "team@ministry.example.bg\r\npress@ministry.example.bg\r\n"),
                Map.entry("organiserNotifications", "DIGEST")));
    }
}
