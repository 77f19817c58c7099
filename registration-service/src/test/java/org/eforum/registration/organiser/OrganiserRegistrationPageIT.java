package org.eforum.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.registration.page.Browser.tag;
import static org.eforum.registration.page.Browser.textOf;
import static org.eforum.registration.page.Browser.unescape;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.NotificationApiStub;
import org.eforum.registration.PublishedEvents;
import org.eforum.registration.page.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * An organiser opens one registration from the table: its details, its history with who acted, its mails from the
 * delivery log (or a clear note when that log does not answer), and the actions, each confirmed first and written
 * into the history with the organiser's name: cancel for the participant (the first waitlisted is promoted),
 * promote out of order (into a free seat only), send the participant's mail again. Another team's organiser finds
 * nothing, by page or API.
 */
class OrganiserRegistrationPageIT extends IntegrationSupport {

    private static final String PROBLEM_JSON = "application/json, application/problem+json";

    @Autowired
    MongoTemplate mongo;

    @Test
    void theTableLinksToThePageWhichShowsTheDetailsTheHistoryAndTheMails() {
        String conference = createConference("reg-page", 10);
        String ana = idOf(register(conference, registrationJson("Ana", "Petrova", "ana.page@example.org")));
        NotificationApiStub.answer(ana, """
                [{"id": "e1:PARTICIPANT_CONFIRMED:h", "registrationId": "%s", "conferenceId": "%s", "eventId": "e1",
                  "recipient": "ana.page@example.org", "kind": "PARTICIPANT_CONFIRMED", "language": "en",
                  "status": "SENT", "attempts": 1, "lastError": null, "updatedAt": "2027-03-01T08:00:00Z",
                  "messageId": "<m1@eforum>"},
                 {"id": "e1:ORGANISER_REGISTERED:organisers", "registrationId": "%s", "conferenceId": "%s",
                  "eventId": "e1", "recipient": "maria@eforum.example.org", "kind": "ORGANISER_REGISTERED",
                  "language": "bg", "status": "RETRYING", "attempts": 2, "lastError": "SMTP 451 try later",
                  "updatedAt": "2027-03-01T08:01:00Z", "messageId": null},
                 {"id": "e2:PARTICIPANT_MESSAGE:h", "registrationId": "%s", "conferenceId": "%s", "eventId": "e2",
                  "recipient": "ana.page@example.org", "kind": "PARTICIPANT_MESSAGE", "language": "en",
                  "status": "SENT", "attempts": 1, "lastError": null, "updatedAt": "2027-03-02T08:00:00Z",
                  "messageId": "<m2@eforum>"}]
                """.formatted(ana, conference, ana, conference, ana, conference));
        Browser browser = loggedIn("en", "organiser", "organiser");
        String table = browser.get("/organiser/conferences/" + conference + "/registrations").body();
        String path = page(conference, ana);
        assertThat(tag(table, "a", "href", path)).as("the row links to the registration").isPresent();

        HttpResponse<String> page = browser.get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(textOf(html, "status")).hasValue("Confirmed");
        assertThat(html).contains("ana.page@example.org", "Open Society Institute", "Researcher",
                "Civil society organisation", "Bulgaria", "English", "Vegetarian lunch, please.");
        assertThat(textOf(html, "address-confirmed")).hasValueSatisfying(text -> assertThat(text).startsWith("Not yet"));
        assertThat(html).containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT[\\d:.]+\\+0[23]:00\">");
        assertThat(historyRows(html)).containsExactly("Registered and confirmed | The participant");
        assertThat(html).contains("<td>To the participant: confirmed</td>", "<td>Sent</td>",
                "<td>To the organisers: new registration</td>", "Being sent (retried after a failure) (SMTP 451 try later)",
                "<td>To the participant: a message from the organisers</td>");
        assertThat(html).as("8:00 UTC is 10:00 in Sofia").contains("10:00");
        for (String action : List.of("resend-mail", "cancel")) {
            assertThat(tag(html, "a", "href", path + "/" + action)).as(action).isPresent();
        }
        assertThat(tag(html, "a", "href", path + "/promote")).as("only a waitlisted one is promoted").isEmpty();

        String bulgarian = loggedIn("bg", "organiser", "organiser").get(path).body();
        assertThat(textOf(bulgarian, "status")).hasValue("Потвърдена");
        assertThat(historyRows(bulgarian)).containsExactly("Регистриран и потвърден | Участникът");
        assertThat(bulgarian).contains("<td>До участника: потвърдена</td>", "<td>Изпратено</td>",
                "<td>До участника: съобщение от организаторите</td>");
    }

    @Test
    void theConferencesOwnQuestionsAreShownWithTheAnswersInThePageLanguageRetiredOnesMarked() {
        String conference = createConference("reg-answers", 10);
        String questions = """
                {"questions": [
                  {"id": "interpretation", "kind": "ONE_OF", "required": true,
                   "label": {"bg": "Превод", "en": "Interpretation"},
                   "options": [{"id": "none", "label": {"bg": "Не", "en": "None"}},
                               {"id": "into-en", "label": {"bg": "На английски", "en": "Into English"}}]},
                  {"id": "panels", "kind": "SEVERAL_OF", "label": {"bg": "Панели", "en": "Panels"},
                   "options": [{"id": "labour", "label": {"bg": "Труд", "en": "Labour"}},
                               {"id": "schools", "label": {"bg": "Училища", "en": "Schools"}}]},
                  {"id": "wheelchair", "kind": "YES_NO", "label": {"bg": "Достъп с инвалидна количка", "en": "Wheelchair access"}},
                  {"id": "arrival", "kind": "DATE", "label": {"bg": "Пристигане", "en": "Arrival"}},
                  {"id": "unasked", "kind": "SHORT_TEXT", "label": {"bg": "Неотговорен", "en": "Left blank"}},
                  {"id": "remarks", "kind": "LONG_TEXT", "label": {"bg": "Бележки", "en": "Remarks"}}
                ]}
                """;
        HttpResponse<String> set = putJson("/api/conferences/" + conference + "/questions", questions, ORGANISER);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        String registration = registrationJson("Ana", "Answers", "ana.answers@example.org");
        String ana = idOf(register(conference, registration.substring(0, registration.lastIndexOf('}'))
                + ", \"answers\": {\"interpretation\": \"into-en\", \"panels\": [\"labour\", \"schools\"],"
                + " \"wheelchair\": true, \"arrival\": \"2027-05-09\", \"remarks\": \"Vegetarian.\\nThanks.\"}}"));
        // The remarks are taken away afterwards: the answer stays, marked.
        HttpResponse<String> retired = putJson("/api/conferences/" + conference + "/questions",
                questions.replace(",\n  {\"id\": \"remarks\", \"kind\": \"LONG_TEXT\", \"label\": {\"bg\": \"Бележки\", \"en\": \"Remarks\"}}", ""),
                ORGANISER);
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);

        String english = loggedIn("en", "organiser", "organiser").get(page(conference, ana)).body();
        assertThat(textOf(english, "answers-title")).hasValue("Answers");
        assertThat(answerRows(english)).containsExactly("Interpretation | Into English", "Panels | Labour; Schools",
                "Wheelchair access | Yes", "Arrival | May 9, 2027", "Remarks (retired) | Vegetarian.\nThanks.");
        assertThat(english).doesNotContain("Left blank");

        String bulgarian = loggedIn("bg", "organiser", "organiser").get(page(conference, ana)).body();
        assertThat(textOf(bulgarian, "answers-title")).hasValue("Отговори");
        assertThat(answerRows(bulgarian)).startsWith("Превод | На английски", "Панели | Труд; Училища",
                "Достъп с инвалидна количка | Да").contains("Бележки (отпаднал) | Vegetarian.\nThanks.");
        assertThat(answerRows(bulgarian).get(3)).startsWith("Пристигане | ").contains("2027").doesNotContain("2027-05-09");

        String plain = idOf(register(conference, registrationJson("Boris", "Blank", "boris.blank@example.org")
                .replaceFirst("}\\s*$", ", \"answers\": {\"interpretation\": \"none\"}}")));
        String fewer = loggedIn("en", "organiser", "organiser").get(page(conference, plain)).body();
        assertThat(answerRows(fewer)).containsExactly("Interpretation | None");
    }

    @Test
    void whenTheDeliveryLogDoesNotAnswerThePageStillShowsTheRegistrationAndSaysSo() {
        String conference = createConference("reg-nolog", 10);
        String boris = idOf(register(conference, registrationJson("Boris", "Nolog", "boris.nolog@example.org")));
        Browser browser = loggedIn("en", "organiser", "organiser");

        String down = browser.get(page(conference, boris)).body();
        assertThat(textOf(down, "mails-unavailable")).hasValueSatisfying(
                note -> assertThat(note).startsWith("The delivery log is unavailable just now"));
        assertThat(textOf(down, "status")).hasValue("Confirmed");

        NotificationApiStub.hang(boris);
        try {
            long start = System.nanoTime();
            HttpResponse<String> slow = browser.get(page(conference, boris));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the page waits a short while only")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(slow.statusCode()).isEqualTo(200);
            assertThat(textOf(slow.body(), "mails-unavailable")).isPresent();
        } finally {
            NotificationApiStub.release(boris);
        }
    }

    @Test
    void cancellingForTheParticipantIsConfirmedFirstThenPromotesTheFirstWaitlistedAndNamesTheOrganiser() {
        String conference = createConference("reg-cancel", 1);
        String ana = idOf(register(conference, registrationJson("Ana", "Seated", "ana.seated@example.org")));
        String vera = idOf(register(conference, registrationJson("Vera", "First", "vera.first@example.org")));
        String georgi = idOf(register(conference, registrationJson("Georgi", "Second", "georgi.second@example.org")));
        Browser browser = loggedIn("en", "organiser", "organiser");

        HttpResponse<String> confirmation = browser.get(page(conference, ana) + "/cancel");
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("Cancel the registration of Ana Seated?", "Yes, cancel the registration");
        assertThat(status(conference, ana)).as("a GET changes nothing").isEqualTo("CONFIRMED");

        HttpResponse<String> done = browser.submit(confirmation, page(conference, ana) + "/cancel", List.of());

        assertThat(done.uri().getPath()).isEqualTo(page(conference, ana));
        assertThat(textOf(done.body(), "notice")).hasValueSatisfying(n -> assertThat(n).startsWith("The registration is cancelled"));
        assertThat(textOf(done.body(), "status")).hasValue("Cancelled");
        assertThat(historyRows(done.body())).containsExactly("Registered and confirmed | The participant",
                "Cancelled | Organiser organiser");
        assertThat(status(conference, vera)).isEqualTo("CONFIRMED");
        assertThat(status(conference, georgi)).isEqualTo("WAITLISTED");
        assertThat(historyRows(browser.get(page(conference, vera)).body())).containsExactly(
                "Registered and put on the waiting list | The participant",
                "Promoted from the waiting list: confirmed | The system, automatically");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(ana, vera));
            assertThat(PublishedEvents.kindsOf(events, ana)).containsExactly("confirmed", "cancelled");
            assertThat(PublishedEvents.kindsOf(events, vera)).containsExactly("waitlisted", "promoted");
        });
    }

    @Test
    void aWaitlistedRegistrationIsPromotedOutOfOrderIntoAFreeSeatOnly() {
        String conference = createConference("reg-promote", 1);
        String ana = idOf(register(conference, registrationJson("Ana", "Seated", "ana.promote@example.org")));
        String vera = idOf(register(conference, registrationJson("Vera", "First", "vera.promote@example.org")));
        String georgi = idOf(register(conference, registrationJson("Georgi", "Second", "georgi.promote@example.org")));
        Browser browser = loggedIn("en", "organiser", "organiser");

        // No seat free: refused beside the button, nothing changed.
        HttpResponse<String> confirmation = browser.get(page(conference, georgi) + "/promote");
        assertThat(textOf(confirmation.body(), "seats-left")).hasValue("0");
        HttpResponse<String> refused = browser.submit(confirmation, page(conference, georgi) + "/promote", List.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("No seat is free, so nobody can be promoted out of order");
        assertThat(status(conference, georgi)).isEqualTo("WAITLISTED");
        HttpResponse<String> refusedByApi = postJson(api(conference, georgi) + "/promote", "", ORGANISER);
        assertThat(refusedByApi.statusCode()).isEqualTo(409);
        assertThat(json(refusedByApi).path("title").asString()).isEqualTo("No seat is free");

        // The moment a seat is free before the automatic promotion gives it to the first in line.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(conference)), new Update().inc("seatsLeft", 1),
                "conferences");
        HttpResponse<String> promoted = browser.submit(browser.get(page(conference, georgi) + "/promote"),
                page(conference, georgi) + "/promote", List.of());

        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(textOf(promoted.body(), "status")).hasValue("Confirmed");
        assertThat(historyRows(promoted.body())).containsExactly(
                "Registered and put on the waiting list | The participant",
                "Promoted from the waiting list: confirmed | Organiser organiser");
        assertThat(status(conference, vera)).as("the first in line still waits").isEqualTo("WAITLISTED");
        HttpResponse<String> conferenceNow = get("/api/conferences/" + conference, "application/json", null);
        assertThat(json(conferenceNow).path("seatsLeft").asInt()).isZero();
        assertThat(json(conferenceNow).path("waitlistLength").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(PublishedEvents.kindsOf(
                PublishedEvents.of(bootstrapServers, List.of(georgi)), georgi)).containsExactly("waitlisted", "promoted"));

        HttpResponse<String> notWaitlisted = postJson(api(conference, ana) + "/promote", "", ORGANISER);
        assertThat(notWaitlisted.statusCode()).isEqualTo(409);
        assertThat(notWaitlisted.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(notWaitlisted).path("title").asString()).isEqualTo("Not on the waiting list");
    }

    @Test
    void resendingTheMailPublishesOneEventPerResendAndChangesNothingElse() {
        String conference = createConference("reg-resend", 10);
        String ana = idOf(register(conference, registrationJson("Ana", "Resend", "ana.resend@example.org")));
        Browser browser = loggedIn("en", "organiser", "organiser");

        HttpResponse<String> confirmation = browser.get(page(conference, ana) + "/resend-mail");
        assertThat(confirmation.body()).contains("Send the mail to Ana Resend again?");
        HttpResponse<String> done = browser.submit(confirmation, page(conference, ana) + "/resend-mail", List.of());
        HttpResponse<String> byApi = postJson(api(conference, ana) + "/resend-mail", "", ORGANISER);

        assertThat(textOf(done.body(), "notice")).hasValueSatisfying(n -> assertThat(n).startsWith("The mail is on its way"));
        assertThat(byApi.statusCode()).isEqualTo(200);
        assertThat(json(byApi).at("/registration/status").asString()).isEqualTo("CONFIRMED");
        assertThat(json(byApi).path("history")).extracting(entry -> entry.path("change").asString() + " "
                + entry.at("/by/kind").asString() + " " + textOrEmpty(entry.at("/by/username")))
                .containsExactly("SUBMITTED_CONFIRMED PARTICIPANT ", "MAIL_RESENT ORGANISER organiser",
                        "MAIL_RESENT ORGANISER organiser");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(ana));
            assertThat(PublishedEvents.kindsOf(events, ana)).containsExactly("confirmed", "mail-resent", "mail-resent");
            assertThat(events).extracting(PublishedEvents.Published::sequence).containsOnly(1L);
        });
    }

    @Test
    void aChangeTheStateForbidsIsA409AndChangesNothing() {
        String conference = createConference("reg-state", 10);
        String ana = idOf(register(conference, registrationJson("Ana", "Twice", "ana.twice@example.org")));
        Browser browser = loggedIn("en", "organiser", "organiser");
        HttpResponse<String> confirmation = browser.get(page(conference, ana) + "/cancel");
        assertThat(postJson(api(conference, ana) + "/cancel", "", ORGANISER).statusCode()).isEqualTo(200);

        HttpResponse<String> again = postJson(api(conference, ana) + "/cancel", "", ORGANISER);
        HttpResponse<String> onThePage = browser.submit(confirmation, page(conference, ana) + "/cancel", List.of());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("title").asString()).isEqualTo("Already cancelled");
        assertThat(onThePage.statusCode()).isEqualTo(409);
        assertThat(textOf(onThePage.body(), "action-error")).hasValueSatisfying(
                error -> assertThat(error).contains("This registration is cancelled already. Nothing was changed."));
        assertThat(json(get(api(conference, ana), PROBLEM_JSON, ORGANISER)).path("history")).hasSize(2);
        assertThat(tag(browser.get(page(conference, ana)).body(), "a", "id", "cancel")).isEmpty();
    }

    @Test
    void anOrganiserOutsideTheTeamFindsNothingByPageOrApi() {
        String conference = createConference("reg-team", 10);
        String ana = idOf(register(conference, registrationJson("Ana", "Private", "ana.private@example.org")));
        String outsider = "outsider-" + UUID.randomUUID().toString().substring(0, 8);
        createOrganiserAccount(outsider, "outsider-password");
        Browser browser = loggedIn("en", outsider, "outsider-password");
        HttpResponse<String> own = browser.get("/organiser");

        for (String path : List.of(page(conference, ana), page(conference, ana) + "/cancel",
                page(conference, ana) + "/promote", page(conference, ana) + "/resend-mail")) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("ana.private@example.org");
        }
        assertThat(browser.submit(own, page(conference, ana) + "/cancel", List.of()).statusCode()).isEqualTo(404);
        String asOutsider = basic(outsider, "outsider-password");
        assertThat(get(api(conference, ana), PROBLEM_JSON, asOutsider).statusCode()).isEqualTo(404);
        for (String action : List.of("cancel", "promote", "resend-mail")) {
            HttpResponse<String> refused = postJson(api(conference, ana) + "/" + action, "", asOutsider);
            assertThat(refused.statusCode()).as(action).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).doesNotContain("ana.private");
        }
        assertThat(status(conference, ana)).as("nothing changed").isEqualTo("CONFIRMED");
        assertThat(json(get(api(conference, ana), PROBLEM_JSON, ORGANISER)).path("history")).hasSize(1);

        // A registration of another conference under one's own conference is no more found.
        String own2 = createConference("reg-other", 10);
        assertThat(loggedIn("en", "organiser", "organiser").get(page(own2, ana)).statusCode()).isEqualTo(404);
        assertThat(postJson(api(own2, ana) + "/cancel", "", ORGANISER).statusCode()).isEqualTo(404);
        assertThat(get(api(conference, "no-such-registration"), PROBLEM_JSON, ORGANISER).statusCode()).isEqualTo(404);
    }

    @Test
    void aRegistrationOlderThanTheHistoryShowsWhatItsFieldsTell() {
        String conference = createConference("reg-old", 10);
        String ana = idOf(register(conference, registrationJson("Ana", "Older", "ana.older@example.org")));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ana)), new Update().unset("history"), "registrations");
        Browser browser = loggedIn("en", "organiser", "organiser");

        HttpResponse<String> page = browser.get(page(conference, ana));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(historyRows(page.body())).containsExactly("Registered | The participant");

        assertThat(postJson(api(conference, ana) + "/cancel", "", ORGANISER).statusCode()).isEqualTo(200);
        assertThat(historyRows(browser.get(page(conference, ana)).body())).containsExactly(
                "Registered | The participant", "Cancelled | Organiser organiser");
    }

    private static String page(String conference, String registration) {
        return "/organiser/conferences/" + conference + "/registrations/" + registration;
    }

    private static String api(String conference, String registration) {
        return "/api/conferences/" + conference + "/registrations/" + registration;
    }

    private String status(String conference, String registration) {
        return json(get(api(conference, registration), PROBLEM_JSON, ORGANISER)).at("/registration/status").asString();
    }

    private static String idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    /** The history table's rows as "what | who". */
    private static List<String> historyRows(String html) {
        String table = html.substring(html.indexOf("<table class=\"data-table\" id=\"history\">"));
        table = table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
        return java.util.regex.Pattern.compile("<tr>\\s*<td><time[^>]*>[^<]*</time></td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>")
                .matcher(table).results().map(m -> unescape(m.group(1)) + " | " + unescape(m.group(2))).toList();
    }

    /** The answers' rows as "question | answer", line breaks kept. */
    private static List<String> answerRows(String html) {
        int start = html.indexOf("<dl class=\"facts\" id=\"answers\">");
        if (start < 0) {
            return List.of();
        }
        String list = html.substring(start, html.indexOf("</dl>", start));
        return java.util.regex.Pattern.compile("<dt>(.*?)</dt>\\s*<dd[^>]*>(.*?)</dd>", java.util.regex.Pattern.DOTALL)
                .matcher(list).results().map(m -> unescape(m.group(1).strip()) + " | " + unescape(m.group(2))).toList();
    }

    private Browser loggedIn(String language, String username, String password) {
        return Browser.loggedInOrganiser(port, username, password, language);
    }

    private static String textOrEmpty(tools.jackson.databind.JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "" : node.asString();
    }
}
