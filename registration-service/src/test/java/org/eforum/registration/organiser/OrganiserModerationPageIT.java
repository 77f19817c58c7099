package org.eforum.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.registration.page.Browser.attribute;
import static org.eforum.registration.page.Browser.tag;
import static org.eforum.registration.page.Browser.textOf;
import static org.eforum.registration.page.Browser.unescape;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.eforum.registration.page.Browser;
import org.junit.jupiter.api.Test;

/**
 * The organisers moderate in the workspace: the conference form's checkbox, the table with those awaiting approval
 * first and a checkbox each, "approve / decline selected" with a message per language through a confirmation page
 * (in Bulgarian), one registration's decline with a message (in English); the participant's page and the public
 * form say what moderation means for them.
 */
class OrganiserModerationPageIT extends IntegrationSupport {

    private static final String PROBLEM_JSON = "application/json, application/problem+json";

    @Test
    void theConferenceFormMakesAConferenceModeratedAndItsPageCountsThoseAwaitingApproval() {
        Browser browser = loggedIn("en");
        String id = newConferenceId("form-moderated");
        List<Map.Entry<String, String>> fields = conferenceForm(id);
        fields.add(Map.entry("moderated", "true"));
        HttpResponse<String> form = browser.get("/organiser/conferences/new");
        assertThat(tag(form.body(), "input", "id", "moderated")).hasValueSatisfying(
                input -> assertThat(input).contains("type=\"checkbox\"").doesNotContain("checked"));
        assertThat(form.body()).contains("<label for=\"moderated\">Organisers approve each registration</label>");

        HttpResponse<String> created = browser.submit(form, "/organiser/conferences", fields);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(json(get("/api/conferences/" + id, "application/json", null)).path("moderated").asBoolean()).isTrue();
        assertThat(textOf(created.body(), "moderated")).hasValue("Yes");
        register(id, registrationJson("Ana", "Waiting", "ana.waiting.form@example.org"));
        register(id, registrationJson("Boris", "Waiting", "boris.waiting.form@example.org"));
        String overview = browser.get("/organiser/conferences/" + id).body();
        assertThat(textOf(overview, "pending")).hasValue("2");
        assertThat(tag(browser.get("/organiser/conferences/" + id + "/edit").body(), "input", "id", "moderated"))
                .hasValueSatisfying(input -> assertThat(input).contains("checked"));
        assertThat(textOf(loggedIn("bg").get("/organiser/conferences/" + id).body(), "moderated")).hasValue("Да");
    }

    @Test
    void manyAreApprovedInBulgarianThroughAConfirmationPageAndTheTableSaysHowManyWereSkipped() {
        String conference = createModeratedConference("bulk-page", 2);
        String georgi = registered(conference, "Georgi", "georgi.bulk.page@example.org", "bg");
        assertThat(postJson(api(conference, georgi) + "/approve", "", ORGANISER).statusCode()).isEqualTo(200);
        String ana = registered(conference, "Ana", "ana.bulk.page@example.org", "bg");
        String boris = registered(conference, "Boris", "boris.bulk.page@example.org", "en");
        String vera = registered(conference, "Vera", "vera.bulk.page@example.org", "en");
        Browser browser = loggedIn("bg");
        String path = "/organiser/conferences/" + conference + "/registrations";

        HttpResponse<String> table = browser.get(path);

        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(rowNames(table.body())).as("awaiting approval first, then the others, each in the order they came")
                .containsExactly("Ana Moderated", "Boris Moderated", "Vera Moderated", "Georgi Moderated");
        assertThat(textOf(table.body(), "pending-first")).hasValue("Регистрациите, които очакват одобрение, са най-отгоре.");
        for (String pending : List.of(ana, boris, vera)) {
            assertThat(tag(table.body(), "input", "id", "select-" + pending)).as(pending).isPresent();
        }
        assertThat(tag(table.body(), "input", "id", "select-" + georgi)).as("only pending ones are chosen").isEmpty();
        assertThat(table.body()).contains("<option value=\"PENDING\">Очаква одобрение от организаторите</option>",
                "<option value=\"DECLINED\">Отказана</option>", "Одобри избраните", "Откажи избраните",
                "Съобщение до участниците на български", "Съобщение до участниците на английски");

        // Nothing chosen, or a message too long: the table again, the error beside the input, nothing changed.
        HttpResponse<String> noneChosen = browser.submit(table, path + "/moderate", List.of(Map.entry("action", "approve")));
        assertThat(noneChosen.statusCode()).isEqualTo(400);
        assertThat(textOf(noneChosen.body(), "registrationId-error")).hasValueSatisfying(
                error -> assertThat(error).contains("Изберете поне една регистрация, която очаква одобрение."));
        HttpResponse<String> tooLong = browser.submit(table, path + "/moderate", List.of(Map.entry("action", "approve"),
                Map.entry("registrationId", ana), Map.entry("message.bg", "а".repeat(2001))));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(textOf(tooLong.body(), "message-bg-error")).hasValueSatisfying(
                error -> assertThat(error).contains("Използвайте най-много 2000 знака."));
        assertThat(tag(tooLong.body(), "input", "id", "select-" + ana)).as("the choice kept")
                .hasValueSatisfying(input -> assertThat(input).contains("checked"));
        assertThat(status(conference, ana)).isEqualTo("PENDING");

        HttpResponse<String> confirmation = browser.submit(table, path + "/moderate", List.of(
                Map.entry("action", "approve"), Map.entry("registrationId", ana), Map.entry("registrationId", boris),
                Map.entry("registrationId", georgi), Map.entry("message.bg", "Добре дошли!\r\nДо скоро."),
                Map.entry("message.en", "")));

        assertThat(confirmation.statusCode()).as(confirmation.body()).isEqualTo(200);
        assertThat(textOf(confirmation.body(), "main")).hasValueSatisfying(text -> assertThat(text).contains("Да се одобрят ли 3 регистрации?"));
        assertThat(confirmation.body()).contains("Ana Moderated", "Boris Moderated", "Georgi Moderated")
                .doesNotContain("Vera Moderated");
        assertThat(textOf(confirmation.body(), "message-bg")).hasValue("Добре дошли! До скоро.");
        assertThat(textOf(confirmation.body(), "message-en")).hasValue("Без съобщение");
        assertThat(status(conference, ana)).as("the confirmation changes nothing").isEqualTo("PENDING");

        HttpResponse<String> done = browser.submit(confirmation, path + "/moderate/approve", hiddenInputs(confirmation));

        assertThat(done.previousResponse()).hasValueSatisfying(
                redirect -> assertThat(redirect.statusCode()).as("POST-redirect-GET").isEqualTo(303));
        assertThat(done.uri().getPath()).isEqualTo(path);
        assertThat(textOf(done.body(), "notice")).hasValueSatisfying(
                notice -> assertThat(notice).startsWith("Одобрени: 2, пропуснати: 1."));
        assertThat(status(conference, ana)).isEqualTo("CONFIRMED");
        assertThat(status(conference, boris)).as("the last seat went to Ana").isEqualTo("WAITLISTED");
        assertThat(status(conference, vera)).isEqualTo("PENDING");
        assertThat(historyRows(browser.get(path + "/" + ana).body())).containsExactly(
                "Регистриран: очаква одобрение | Участникът", "Одобрена | Организатор organiser");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(ana, boris));
            assertThat(PublishedEvents.kindsOf(events, ana)).containsExactly("submitted", "approved");
            assertThat(events).filteredOn(e -> e.kind().equals("approved"))
                    .extracting(e -> e.data().path("message").asString())
                    .as("the only message given, to each of them, its line break kept")
                    .containsOnly("Добре дошли!\nДо скоро.");
        });

        // The export names the new statuses as the others.
        String csv = new String(browser.download(path + ".csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"" + ana + "\",\"CONFIRMED\"", "\"" + boris + "\",\"WAITLISTED\"",
                "\"" + vera + "\",\"PENDING\"");
    }

    @Test
    void oneRegistrationIsDeclinedInEnglishWithAMessageAfterTheConfirmation() {
        String conference = createModeratedConference("decline-page", 5);
        String vera = registered(conference, "Vera", "vera.decline.page@example.org", "en");
        Browser browser = loggedIn("en");
        String page = "/organiser/conferences/" + conference + "/registrations/" + vera;

        HttpResponse<String> registration = browser.get(page);
        assertThat(textOf(registration.body(), "status")).hasValue("Awaiting the organisers' approval");
        assertThat(tag(registration.body(), "a", "href", page + "/approve")).isPresent();
        assertThat(tag(registration.body(), "a", "href", page + "/decline")).isPresent();
        assertThat(tag(registration.body(), "a", "href", page + "/promote")).isEmpty();
        assertThat(historyRows(registration.body())).containsExactly("Registered: awaiting approval | The participant");

        HttpResponse<String> confirmation = browser.get(page + "/decline");
        assertThat(confirmation.body()).contains("Decline the registration of Vera Moderated?",
                "Yes, decline the registration", "<label for=\"message\">");
        assertThat(textOf(confirmation.body(), "message-hint")).hasValueSatisfying(
                hint -> assertThat(hint).contains("the participant's language (English)"));

        HttpResponse<String> refused = browser.submit(confirmation, page + "/decline",
                List.of(Map.entry("message", "x".repeat(2001))));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(textOf(refused.body(), "message-error")).hasValueSatisfying(
                error -> assertThat(error).contains("Use at most 2,000 characters."));
        assertThat(status(conference, vera)).isEqualTo("PENDING");

        HttpResponse<String> done = browser.submit(confirmation, page + "/decline",
                List.of(Map.entry("message", "The hall is full, sorry.")));

        assertThat(done.uri().getPath()).isEqualTo(page);
        assertThat(textOf(done.body(), "notice")).hasValue(
                "The registration is declined and the participant is being mailed.");
        assertThat(textOf(done.body(), "status")).hasValue("Declined");
        assertThat(tag(done.body(), "a", "id", "cancel")).as("nothing left to cancel").isEmpty();
        assertThat(tag(done.body(), "a", "id", "decline")).isEmpty();
        assertThat(historyRows(done.body())).containsExactly("Registered: awaiting approval | The participant",
                "Declined | Organiser organiser");
        HttpResponse<String> again = browser.submit(confirmation, page + "/approve", List.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(textOf(again.body(), "action-error")).hasValueSatisfying(error -> assertThat(error)
                .contains("Only a registration awaiting approval can be approved or declined"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(vera));
            assertThat(PublishedEvents.kindsOf(events, vera)).containsExactly("submitted", "declined");
            assertThat(events.get(1).data().path("message").asString()).isEqualTo("The hall is full, sorry.");
        });
    }

    @Test
    void theParticipantLearnsFromTheFormAndTheirPageThatTheOrganisersDecide() {
        String conference = createModeratedConference("participant-page", 5);
        Browser participant = new Browser(port, "en");
        String formPath = "/conferences/" + conference + "/register";
        assertThat(textOf(participant.get(formPath).body(), "moderated-notice")).hasValueSatisfying(
                notice -> assertThat(notice).startsWith("The organisers approve each registration"));

        HttpResponse<String> result = participant.fillInAndSubmit(formPath, participantForm("ana.own.page@example.org"));

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.uri().getPath()).startsWith("/registrations/");
        assertThat(textOf(result.body(), "main")).hasValueSatisfying(text -> assertThat(text).contains("Awaiting the organisers' approval",
                "Thank you for registering", "withdraw your registration here"));
        String id = result.uri().getPath().substring("/registrations/".length());
        String ownPage = result.uri().getPath() + "?" + result.uri().getQuery();
        assertThat(textOf(new Browser(port, "bg").get(ownPage).body(), "main")).hasValueSatisfying(text -> assertThat(text).contains("Очаква одобрение от организаторите"));

        assertThat(postJson(api(conference, id) + "/decline", "", ORGANISER).statusCode()).isEqualTo(200);
        String declined = participant.get(ownPage).body();
        assertThat(textOf(declined, "main")).hasValueSatisfying(text -> assertThat(text).contains("Your registration was declined", "Declined"));
        assertThat(declined).as("nothing to cancel").doesNotContain("/cancel?token=");
        assertThat(textOf(new Browser(port, "bg").get(ownPage).body(), "main")).hasValueSatisfying(text -> assertThat(text).contains("Отказана"));
    }

    private String createModeratedConference(String prefix, int capacity) {
        String id = newConferenceId(prefix);
        HttpResponse<String> created = postJson("/api/conferences", conferenceJson(id, capacity, null)
                .replace("\"organiserNotifications\": \"IMMEDIATE\"}",
                        "\"organiserNotifications\": \"IMMEDIATE\", \"moderated\": true}"), ORGANISER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    private String registered(String conference, String firstName, String email, String language) {
        HttpResponse<String> created = register(conference, registrationJson(firstName, "Moderated", email)
                .replace("\"language\": \"en\"", "\"language\": \"" + language + "\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("status").asString()).isEqualTo("PENDING");
        return json(created).path("id").asString();
    }

    private String status(String conference, String registration) {
        return json(get(api(conference, registration), PROBLEM_JSON, ORGANISER)).at("/registration/status").asString();
    }

    private static String api(String conference, String registration) {
        return "/api/conferences/" + conference + "/registrations/" + registration;
    }

    /** The hidden inputs of the confirmation's form (the CSRF token aside), as the browser sends them back. */
    private static List<Map.Entry<String, String>> hiddenInputs(HttpResponse<String> page) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(page.body()).results().map(m -> m.group())
                .filter(input -> !input.contains("name=\"_csrf\""))
                .forEach(input -> fields.add(Map.entry(attribute(input, "name").orElseThrow(),
                        attribute(input, "value").orElse(""))));
        return fields;
    }

    /** The table's rows by the name in their header cell, top to bottom. */
    private static List<String> rowNames(String html) {
        return Pattern.compile("<th scope=\"row\"><a [^>]*>([^<]*)</a></th>").matcher(html).results()
                .map(m -> unescape(m.group(1))).toList();
    }

    /** The history table's rows as "what | who". */
    private static List<String> historyRows(String html) {
        String table = html.substring(html.indexOf("<table class=\"data-table\" id=\"history\">"));
        table = table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
        return Pattern.compile("<tr>\\s*<td><time[^>]*>[^<]*</time></td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>")
                .matcher(table).results().map(m -> unescape(m.group(1)) + " | " + unescape(m.group(2))).toList();
    }

    private Browser loggedIn(String language) {
        return Browser.loggedInOrganiser(port, "organiser", "organiser", language);
    }

    private static List<Map.Entry<String, String>> conferenceForm(String id) {
        int year = LocalDate.now().getYear() + 1;
        return new ArrayList<>(List.of(Map.entry("id", id), Map.entry("languages", "bg"), Map.entry("languages", "en"),
                Map.entry("title.bg", "Форум с одобрение"), Map.entry("title.en", "Forum with approval"),
                Map.entry("venue.bg", "НДК"), Map.entry("venue.en", "NDK"),
                Map.entry("startDate", year + "-05-12"), Map.entry("endDate", year + "-05-13"),
                Map.entry("city", "Sofia"), Map.entry("country", "BG"), Map.entry("capacity", "20"),
                Map.entry("registrationOpens", ""), Map.entry("registrationCloses", ""),
                Map.entry("contact.name", "Мария Иванова"), Map.entry("contact.email", "maria@ministry.example.bg"),
                Map.entry("cc", ""), Map.entry("organiserNotifications", "NONE")));
    }

    private static Map<String, String> participantForm(String email) {
        Map<String, String> form = Browser.participantForm(email);
        form.put("notes", "");
        return form;
    }
}
