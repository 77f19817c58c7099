package org.eforum.registration.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.registration.page.Browser.attribute;
import static org.eforum.registration.page.Browser.tag;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The participant corrects their registration from their own page, in Bulgarian or English, as a browser without
 * JavaScript would: the form prefilled, a refused form with its errors beside the inputs, a new address confirmed
 * from the page its mailed link opens.
 */
class DetailsCorrectionPagesIT extends IntegrationSupport {

    private String conference;

    @BeforeEach
    void aConferenceWithQuestions() {
        conference = createConferenceAsking("correct-pages", 20, INTERPRETATION_AND_DIET);
    }

    @Test
    void theFormIsPrefilledAndASavedCorrectionEndsOnTheParticipantsPageSayingSo() {
        JsonNode ana = registered("ana", "en");
        Browser browser = new Browser(port, "en");

        HttpResponse<String> own = browser.get(selfService(ana));
        assertThat(own.body()).contains(">Correct my details</a>");
        String formPath = tag(own.body(), "a", "href", detailsPath(ana)).flatMap(a -> attribute(a, "href"))
                .orElseThrow(() -> new AssertionError("no link to the corrections on " + own.body()));
        HttpResponse<String> form = browser.get(formPath);

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(form.body()).contains("Correct your details", "Integration Forum", "Interpretation", "Save my details");
        assertThat(tag(form.body(), "input", "name", "organisation").flatMap(i -> attribute(i, "value")))
                .hasValue("Open Society Institute");
        assertThat(tag(form.body(), "input", "name", "email").flatMap(i -> attribute(i, "value")))
                .hasValue("ana." + conference + "@example.org");
        assertThat(tag(form.body(), "input", "id", "answers-interpretation").orElseThrow()).contains("checked");
        assertThat(tag(form.body(), "input", "id", "consents-listInDirectory").orElseThrow()).contains("checked");
        assertThat(tag(form.body(), "option", "value", "CIVIL_SOCIETY").orElseThrow()).contains("selected");
        for (String name : List.of("firstName", "lastName", "email", "organisation", "position")) {
            String id = tag(form.body(), "input", "name", name).flatMap(i -> attribute(i, "id")).orElseThrow();
            assertThat(tag(form.body(), "label", "for", id)).as("label of %s", name).isPresent();
        }
        assertThat(tag(form.body(), "textarea", "name", "notes")).as("notes are not corrected here").isEmpty();

        Map<String, String> fields = formOf(ana, "ana." + conference + "@example.org");
        fields.put("organisation", "Open Society Foundation");
        fields.put("answers.interpretation", "into-en");
        HttpResponse<String> saved = browser.fillInAndSubmit(formPath, fields);

        assertThat(saved.previousResponse()).hasValueSatisfying(
                redirect -> assertThat(redirect.statusCode()).as("POST-redirect-GET").isEqualTo(303));
        assertThat(saved.uri().getPath() + "?" + saved.uri().getQuery()).isEqualTo(selfService(ana));
        assertThat(saved.body()).contains("Your details were saved.", "Open Society Foundation");
        assertThat(view(ana).at("/answers/interpretation").asString()).isEqualTo("into-en");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(PublishedEvents.kindsOf(
                PublishedEvents.of(bootstrapServers, List.of(id(ana))), id(ana)))
                .containsExactly("confirmed", "details-changed"));
    }

    @Test
    void inBulgarianARefusedFormShowsEachErrorBesideItsInputAndChangesNothing() {
        JsonNode ivan = registered("ivan", "bg");
        Browser browser = new Browser(port, "bg");
        Map<String, String> fields = formOf(ivan, "ivan." + conference + "@example.org");
        fields.put("firstName", "");
        fields.put("organisation", "Друга организация");
        fields.remove("answers.interpretation");

        HttpResponse<String> refused = browser.fillInAndSubmit(detailsPath(ivan), fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(tag(refused.body(), "html", "lang", "bg")).isPresent();
        assertThat(refused.body()).contains("Грешка: Поправка на данните", "Поправете данните си");
        assertThat(tag(refused.body(), "div", "class", "error-summary")).isPresent();
        assertThat(tag(refused.body(), "p", "id", "firstName-error")).isPresent();
        assertThat(tag(refused.body(), "p", "id", "answers-interpretation-error")).isPresent();
        assertThat(tag(refused.body(), "a", "href", "#answers-interpretation")).isPresent();
        assertThat(tag(refused.body(), "input", "name", "organisation").flatMap(i -> attribute(i, "value")))
                .as("what was typed stays").hasValue("Друга организация");
        assertThat(view(ivan).path("organisation").asString()).isEqualTo("Open Society Institute");
        assertThat(view(ivan).path("firstName").asString()).isEqualTo("Ivan");
    }

    @Test
    void aNewAddressIsConfirmedWithTheButtonOnThePageItsLinkOpens() {
        JsonNode ana = registered("ana", "en");
        String newEmail = "ana.moved." + conference + "@example.org";
        Browser browser = new Browser(port, "en");

        HttpResponse<String> asked = browser.fillInAndSubmit(detailsPath(ana), formOf(ana, newEmail));

        assertThat(asked.previousResponse()).hasValueSatisfying(r -> assertThat(r.statusCode()).isEqualTo(303));
        assertThat(asked.body()).contains("Check the mailbox of " + newEmail, "ana." + conference + "@example.org");
        assertThat(browser.get(selfService(ana)).body()).as("said again on the next visit")
                .contains("Waiting for the new address " + newEmail + " to be confirmed");
        String confirmationUrl = await().atMost(Duration.ofSeconds(30)).until(() -> PublishedEvents.of(
                        bootstrapServers, List.of(id(ana))).stream().filter(e -> e.kind().equals("email-change-requested"))
                .map(e -> e.data().path("confirmationUrl").asString()).findFirst().orElse(null), url -> url != null);
        String emailPath = confirmationUrl.substring(confirmationUrl.indexOf("/registrations/"));
        Browser newMailbox = new Browser(port, "bg");

        HttpResponse<String> inBulgarian = newMailbox.get(emailPath);
        assertThat(inBulgarian.statusCode()).isEqualTo(200);
        assertThat(inBulgarian.body()).contains("Потвърдете новия си имейл адрес", "Потвърди новия адрес", newEmail);
        HttpResponse<String> page = newMailbox.get(emailPath + "&lang=en");
        assertThat(page.body()).contains("Confirm your new e-mail address", ">Confirm the new address</button>");
        assertThat(view(ana).path("email").asString()).as("opening the page changes nothing")
                .isEqualTo("ana." + conference + "@example.org");

        HttpResponse<String> confirmed = newMailbox.submitFormOf(page, "/email");

        assertThat(confirmed.previousResponse()).hasValueSatisfying(r -> assertThat(r.statusCode()).isEqualTo(303));
        assertThat(confirmed.uri().getPath() + "?" + confirmed.uri().getQuery()).as("the normal self-service link")
                .isEqualTo(selfService(ana));
        assertThat(confirmed.body()).contains("Your new e-mail address is confirmed", newEmail)
                .doesNotContain("Waiting for the new address");
        assertThat(view(ana).path("email").asString()).isEqualTo(newEmail);
        assertThat(newMailbox.get(emailPath).statusCode()).as("the link works once").isEqualTo(404);
        assertThat(newMailbox.submitFormOf(page, "/email").statusCode()).isEqualTo(404);
    }

    @Test
    void afterRegistrationClosesThePageOffersNoCorrectionAndWithoutTheCsrfTokenNothingIsTaken() {
        JsonNode ana = registered("ana", "en");
        HttpResponse<String> forged = new Browser(port, "en").post(detailsPath(ana), formOf(ana, "x@example.org"));
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> closed = putJson("/api/conferences/" + conference,
                conferenceJson(conference, 20, Instant.now().minusSeconds(60).toString()), ORGANISER);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        Browser browser = new Browser(port, "en");

        HttpResponse<String> own = browser.get(selfService(ana));
        HttpResponse<String> form = browser.get(detailsPath(ana));

        assertThat(own.body()).doesNotContain("Correct my details");
        assertThat(form.statusCode()).isEqualTo(409);
        assertThat(form.body()).contains("can no longer be corrected");
        assertThat(Browser.formAction(form.body(), "/details")).isEmpty();
        assertThat(browser.get("/registrations/" + id(ana) + "/details?token=wrong").statusCode()).isEqualTo(404);
        assertThat(view(ana).path("email").asString()).isEqualTo("ana." + conference + "@example.org");
    }

    private JsonNode registered(String name, String language) {
        String first = name.substring(0, 1).toUpperCase() + name.substring(1);
        String body = registrationJson(first, "Petrova", name + "." + conference + "@example.org")
                .replace("\"language\": \"en\"", "\"language\": \"" + language + "\"");
        int end = body.lastIndexOf('}');
        HttpResponse<String> response = register(conference, body.substring(0, end)
                + ", \"answers\": {\"interpretation\": \"none\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** The form as the page prefills it for this registration, with {@code email}. */
    private static Map<String, String> formOf(JsonNode registration, String email) {
        Map<String, String> form = Browser.participantForm(email);
        form.put("position", "Researcher");
        form.put("consents.listInDirectory", "true");
        form.put("answers.interpretation", "none");
        return form;
    }

    private JsonNode view(JsonNode registration) {
        return json(get("/api/registrations/" + id(registration) + "?token="
                + tokenOf(registration.path("selfServiceUrl").asString()), "application/json", null));
    }

    private static String selfService(JsonNode registration) {
        return "/registrations/" + id(registration) + "?token=" + tokenOf(registration.path("selfServiceUrl").asString());
    }

    private static String detailsPath(JsonNode registration) {
        return "/registrations/" + id(registration) + "/details?token="
                + tokenOf(registration.path("selfServiceUrl").asString());
    }

    private static String id(JsonNode registration) {
        return registration.path("id").asString();
    }
}
