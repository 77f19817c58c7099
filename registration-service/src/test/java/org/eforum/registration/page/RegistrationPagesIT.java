package org.eforum.registration.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.registration.page.Browser.attribute;
import static org.eforum.registration.page.Browser.tag;
import static org.eforum.registration.page.Browser.textOf;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.junit.jupiter.api.Test;

/** A participant registers through the pages, in Bulgarian or English, as a browser without JavaScript would. */
class RegistrationPagesIT extends IntegrationSupport {

    private static final List<String> INPUTS = List.of("firstName", "lastName", "email", "organisation", "position",
            "notes", "consents.dataProcessing", "consents.listInDirectory", "consents.joinExpertsNetwork");
    private static final List<String> SELECTS = List.of("stakeholderType", "country", "language");

    @Test
    void theFormHasEveryFieldOfTheApiEachWithAVisibleLabelInBothLanguages() {
        String conference = createConference("form", 40);

        String bulgarian = new Browser(port, null).get(formPath(conference)).body();
        String english = new Browser(port, "en-GB,en;q=0.9").get(formPath(conference)).body();

        // No Accept-Language: the conference's first language (bg) decides.
        assertThat(tag(bulgarian, "html", "lang", "bg")).isPresent();
        assertThat(bulgarian).contains("Форум за интеграция", "Име", "Фамилия", "Държавна институция", "Регистрирайте се",
                "Остават 40 свободни места");
        assertThat(tag(english, "html", "lang", "en")).isPresent();
        assertThat(english).contains("Integration Forum", "First name", "Last name", "Government institution",
                "National Palace of Culture", "40 seats left");
        for (String html : List.of(bulgarian, english)) {
            for (String name : INPUTS) {
                String input = tag(html, name.equals("notes") ? "textarea" : "input", "name", name)
                        .orElseThrow(() -> new AssertionError("no input named " + name));
                String id = attribute(input, "id").orElseThrow();
                assertThat(tag(html, "label", "for", id)).as("label of %s", name).isPresent();
            }
            for (String name : SELECTS) {
                String select = tag(html, "select", "name", name).orElseThrow(() -> new AssertionError("no select " + name));
                assertThat(tag(html, "label", "for", attribute(select, "id").orElseThrow())).isPresent();
            }
            assertThat(html).contains("<option value=\"IMMIGRANT_COMMUNITY\"", "<option value=\"OTHER\"",
                    "<option value=\"BG\"", "<option value=\"DE\"");
            assertThat(tag(html, "a", "class", "skip-link")).isPresent();
            assertThat(tag(html, "main", "id", "main")).isPresent();
            assertThat(html).as("session id never in a URL").doesNotContainIgnoringCase("jsessionid");
        }
        // The mails' language defaults to the page's.
        assertThat(tag(bulgarian, "option", "value", "bg").orElseThrow()).contains("selected");
        assertThat(tag(english, "option", "value", "en").orElseThrow()).contains("selected");
    }

    @Test
    void langSwitchesTheLanguageAndKeepsItForTheVisit() {
        String conference = createConference("switch", 40);
        Browser browser = new Browser(port, "en");

        String switched = browser.get(formPath(conference) + "?lang=bg").body();
        String nextPage = browser.get("/").body();
        String backToEnglish = browser.get(formPath(conference) + "?lang=en").body();

        assertThat(tag(switched, "html", "lang", "bg")).isPresent();
        assertThat(switched).contains("Формуляр за регистрация");
        assertThat(tag(switched, "a", "hreflang", "en").flatMap(a -> attribute(a, "href")))
                .hasValue(formPath(conference) + "?lang=en");
        assertThat(tag(nextPage, "html", "lang", "bg")).as("kept for the visit").isPresent();
        assertThat(tag(backToEnglish, "html", "lang", "en")).isPresent();
    }

    @Test
    void aValidSubmissionEndsOnThePageSayingConfirmed() {
        String conference = createConference("confirmed", 40);
        Browser browser = new Browser(port, "en");

        HttpResponse<String> result = browser.fillInAndSubmit(formPath(conference), validForm("ana.form@example.org"));

        assertThat(result.previousResponse()).hasValueSatisfying(
                redirect -> assertThat(redirect.statusCode()).as("POST-redirect-GET").isEqualTo(303));
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.uri().getPath()).startsWith("/registrations/");
        assertThat(result.uri().getQuery()).startsWith("token=");
        assertThat(result.body()).contains("Your registration is confirmed", "Ana Petrova", "Integration Forum",
                "ana.form@example.org", "Thank you for registering");
        assertThat(result.body()).contains("/registrations/" + result.uri().getPath().substring("/registrations/".length())
                + "?token=");
        assertThat(result.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void inBulgarianTheResultSaysConfirmedAndThenWaitlisted() {
        String conference = createConference("bg-result", 1);
        Browser browser = new Browser(port, "bg");

        HttpResponse<String> first = browser.fillInAndSubmit(formPath(conference), cyrillicForm("ivan@example.bg"));
        HttpResponse<String> second = browser.fillInAndSubmit(formPath(conference), cyrillicForm("petar@example.bg"));

        assertThat(first.body()).contains("Регистрацията ви е потвърдена", "Иван Петров");
        assertThat(second.body()).contains("В списъка с чакащи сте");
    }

    @Test
    void theParticipantCancelsOnTheirPageAndTheFirstInLineGetsTheSeat() {
        String conference = createConference("cancel-page", 1);
        Browser ana = new Browser(port, "bg");
        Browser boris = new Browser(port, "en");
        HttpResponse<String> anasPage = ana.fillInAndSubmit(formPath(conference), cyrillicForm("ana.cancel@example.bg"));
        HttpResponse<String> borisPage = boris.fillInAndSubmit(formPath(conference), validForm("boris.cancel@example.org"));
        assertThat(anasPage.body()).contains("Отказ от регистрацията", "Отказвам се от регистрацията");
        assertThat(borisPage.body()).contains("leave the waiting list here");

        HttpResponse<String> afterCancel = ana.submitFormOf(anasPage);

        assertThat(afterCancel.previousResponse()).hasValueSatisfying(
                redirect -> assertThat(redirect.statusCode()).as("POST-redirect-GET").isEqualTo(303));
        assertThat(afterCancel.uri()).isEqualTo(anasPage.uri());
        assertThat(afterCancel.body()).contains("Регистрацията ви е отменена");
        assertThat(tag(afterCancel.body(), "form", "method", "post")).as("nothing left to cancel").isEmpty();
        assertThat(boris.get(borisPage.uri().getPath() + "?" + borisPage.uri().getQuery()).body())
                .contains("Your registration is confirmed");
        assertThat(ana.submitFormOf(anasPage).body()).as("a second click changes nothing")
                .contains("Регистрацията ви е отменена");
    }

    @Test
    void theCancelButtonWithoutTheFormsCsrfTokenIsRefused() {
        String conference = createConference("cancel-csrf", 5);
        Browser ana = new Browser(port, "en");
        HttpResponse<String> page = ana.fillInAndSubmit(formPath(conference), validForm("ana.csrf@example.org"));
        String action = Browser.formAction(page.body(), "/cancel").orElseThrow();

        HttpResponse<String> forged = new Browser(port, "en").post(action, Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ana.get(page.uri().getPath() + "?" + page.uri().getQuery()).body())
                .contains("Your registration is confirmed");
    }

    @Test
    void whoAskedToBeListedConfirmsTheAddressWithTheButtonOnTheirPageAndThePageSaysSo() {
        String conference = createConference("confirm-page", 5);
        Browser ana = new Browser(port, "en");
        HttpResponse<String> page = ana.fillInAndSubmit(formPath(conference), validForm("ana.confirm@example.org"));
        String pagePath = page.uri().getPath() + "?" + page.uri().getQuery();
        assertThat(page.body()).contains("Confirm your e-mail address", "takes effect only once you confirm");
        Optional<String> button = tag(page.body(), "button", "aria-describedby", "confirm-text");
        assertThat(button).as("a labelled submit button").hasValueSatisfying(b -> assertThat(b).contains("type=\"submit\""));
        assertThat(page.body()).contains(">Confirm my address</button>");
        assertThat(ana.get(pagePath).body()).as("opening the page again confirms nothing")
                .contains("Confirm my address").doesNotContain("Address confirmed");

        HttpResponse<String> confirmed = ana.submitFormOf(page, "/confirm-address");

        assertThat(confirmed.previousResponse()).hasValueSatisfying(
                redirect -> assertThat(redirect.statusCode()).as("POST-redirect-GET").isEqualTo(303));
        assertThat(confirmed.uri()).isEqualTo(page.uri());
        assertThat(confirmed.body()).contains("Thank you: your address is confirmed.", "Address confirmed",
                "Your registration is confirmed").doesNotContain("Confirm my address");
        assertThat(Browser.formAction(confirmed.body(), "/cancel")).as("cancelling is still offered").isPresent();
        HttpResponse<String> again = ana.submitFormOf(page, "/confirm-address");
        assertThat(again.statusCode()).as("a second click changes nothing").isEqualTo(200);
        assertThat(again.body()).contains("Address confirmed").doesNotContain("Confirm my address");
        String id = page.uri().getPath().substring("/registrations/".length());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                PublishedEvents.kindsOf(PublishedEvents.of(bootstrapServers, List.of(id)), id))
                .containsExactly("confirmed", "address-confirmed"));
    }

    @Test
    void inBulgarianTheButtonAndTheAnswerAreBulgarianAndWhoAskedForNothingPublicIsNotAskedToConfirm() {
        String conference = createConference("confirm-page-bg", 5);
        Browser ivan = new Browser(port, "bg");
        Map<String, String> listed = cyrillicForm("ivan.confirm@example.bg");
        listed.put("consents.joinExpertsNetwork", "true");
        HttpResponse<String> page = ivan.fillInAndSubmit(formPath(conference), listed);
        HttpResponse<String> nothingPublic = ivan.fillInAndSubmit(formPath(conference), cyrillicForm("petar.confirm@example.bg"));

        assertThat(page.body()).contains("Потвърдете имейл адреса си", "Потвърждавам адреса си");
        assertThat(nothingPublic.body()).doesNotContain("Потвърждавам адреса си");
        assertThat(Browser.formAction(nothingPublic.body(), "/confirm-address")).isEmpty();
        assertThat(ivan.submitFormOf(page, "/confirm-address").body())
                .contains("Благодарим ви: адресът ви е потвърден.", "Адресът е потвърден")
                .doesNotContain("Потвърждавам адреса си");
    }

    @Test
    void theConfirmButtonWithoutTheFormsCsrfTokenIsRefusedAndACancelledRegistrationOffersNone() {
        String conference = createConference("confirm-csrf", 5);
        Browser ana = new Browser(port, "en");
        HttpResponse<String> page = ana.fillInAndSubmit(formPath(conference), validForm("ana.confirm.csrf@example.org"));
        String action = Browser.formAction(page.body(), "/confirm-address").orElseThrow();
        String pagePath = page.uri().getPath() + "?" + page.uri().getQuery();

        HttpResponse<String> forged = new Browser(port, "en").post(action, Map.of());
        HttpResponse<String> byGet = ana.get(action);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(byGet.statusCode()).as("a GET (a mail scanner following the link) changes nothing").isNotEqualTo(200);
        assertThat(ana.get(pagePath).body()).contains("Confirm my address").doesNotContain("Address confirmed");
        HttpResponse<String> cancelled = ana.submitFormOf(page, "/cancel");
        assertThat(cancelled.body()).contains("Your registration is cancelled").doesNotContain("Confirm my address");
        assertThat(ana.submitFormOf(page, "/confirm-address").body()).as("the stale button of a cancelled registration")
                .contains("Your registration is cancelled").doesNotContain("Address confirmed");
    }

    @Test
    void anInvalidSubmissionShowsEachErrorBesideItsFieldAndKeepsWhatWasTyped() {
        String conference = createConference("invalid-form", 40);
        Map<String, String> form = validForm("not-an-address");
        form.put("firstName", "");
        form.remove("consents.dataProcessing");
        form.put("lastName", "<script>alert(1)</script>");

        HttpResponse<String> page = new Browser(port, "en").fillInAndSubmit(formPath(conference), form);

        assertThat(page.statusCode()).isEqualTo(400);
        String html = page.body();
        assertThat(textOf(html, "firstName-error")).hasValue("Error: Enter your first name.");
        String firstName = tag(html, "input", "name", "firstName").orElseThrow();
        assertThat(attribute(firstName, "aria-invalid")).hasValue("true");
        assertThat(attribute(firstName, "aria-describedby")).hasValue("firstName-error");
        assertThat(textOf(html, "email-error")).hasValue("Error: Enter an e-mail address such as name@example.org.");
        assertThat(textOf(html, "consents-dataProcessing-error"))
                .hasValue("Error: To register, agree to the processing of your data.");
        assertThat(textOf(html, "error-summary-title")).hasValue("There is a problem");
        assertThat(tag(html, "a", "href", "#firstName")).isPresent();
        // What was typed comes back, escaped; a field without error is not marked.
        assertThat(attribute(tag(html, "input", "name", "email").orElseThrow(), "value")).hasValue("not-an-address");
        String lastName = tag(html, "input", "name", "lastName").orElseThrow();
        assertThat(attribute(lastName, "value")).hasValue("<script>alert(1)</script>");
        assertThat(attribute(lastName, "aria-invalid")).isEmpty();
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(html).contains("<title>Error: Register for Integration Forum");
    }

    @Test
    void theSameAddressTwiceShowsTheFormWithAClearMessage() {
        String conference = createConference("twice", 40);
        Browser browser = new Browser(port, "en");
        browser.fillInAndSubmit(formPath(conference), validForm("twice@example.org"));

        HttpResponse<String> again = browser.fillInAndSubmit(formPath(conference), validForm("TWICE@example.org"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(textOf(again.body(), "email-error")).hasValueSatisfying(
                message -> assertThat(message).contains("already registered for this conference",
                        "The link to the registration has been sent to that address"));
        assertThat(again.body()).as("no way to the first registration from the page").doesNotContain("token=");
    }

    @Test
    void aFilledHoneypotStoresNothingAndAsksNeutrallyToSendTheFormAgain() {
        String conference = createConference("honeypot", 40);
        Browser browser = new Browser(port, "en");
        String form = browser.get(formPath(conference)).body();
        String trap = tag(form, "input", "name", "website").orElseThrow();
        assertThat(trap).contains("tabindex=\"-1\"", "autocomplete=\"off\"");
        assertThat(tag(form, "div", "class", "field-trap").orElseThrow()).contains("aria-hidden=\"true\"");
        assertThat(tag(form, "label", "for", "website")).isPresent();
        Map<String, String> filled = new LinkedHashMap<>(validForm("honey@example.org"));
        filled.put("website", "https://spam.example.com");

        HttpResponse<String> caught = browser.fillInAndSubmit(formPath(conference), filled);

        assertThat(caught.statusCode()).isEqualTo(400);
        assertThat(caught.body()).contains("The form could not be sent. Please check your entries and send it again.");
        assertThat(attribute(tag(caught.body(), "input", "name", "email").orElseThrow(), "value"))
                .hasValue("honey@example.org");
        assertThat(attribute(tag(caught.body(), "input", "name", "website").orElseThrow(), "value")).isEmpty();
        assertThat(json(get("/api/conferences/" + conference + "/registrations", "application/json", ORGANISER)).size())
                .as("nothing stored").isZero();

        HttpResponse<String> person = browser.fillInAndSubmit(formPath(conference), validForm("honey@example.org"));
        assertThat(person.body()).contains("Your registration is confirmed");
    }

    @Test
    void theEleventhFormFromOneAddressInAMinuteShowsTheFormAgainSayingHowLongToWait() {
        String conference = createConference("form-limit", 40);
        Browser browser = new Browser(port, "en", "203.0.113.21");
        for (int i = 1; i <= 10; i++) {
            assertThat(browser.fillInAndSubmit(formPath(conference), validForm("form" + i + "@limit.example.org"))
                    .statusCode()).as("form %d", i).isEqualTo(200);
        }

        HttpResponse<String> refused = browser.fillInAndSubmit(formPath(conference), validForm("form11@limit.example.org"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(refused.body()).contains("Too many registrations were sent from your network for this conference",
                "Please wait " + refused.headers().firstValue("Retry-After").orElseThrow() + " seconds");
        assertThat(attribute(tag(refused.body(), "input", "name", "email").orElseThrow(), "value"))
                .as("what was typed is kept").hasValue("form11@limit.example.org");
        assertThat(json(get("/api/conferences/" + conference + "/registrations", "application/json", ORGANISER)).size())
                .isEqualTo(10);
        assertThat(new Browser(port, "en", "203.0.113.22")
                .fillInAndSubmit(formPath(conference), validForm("form11@limit.example.org")).statusCode())
                .as("another address").isEqualTo(200);
    }

    @Test
    void cancelPressedAgainAndAgainFromOneAddressIsAskedToWait() {
        String conference = createConference("cancel-limit", 40);
        Browser browser = new Browser(port, "en", "203.0.113.23");
        HttpResponse<String> page = browser.fillInAndSubmit(formPath(conference), validForm("cancel.limit@example.org"));

        for (int i = 1; i <= 10; i++) {
            assertThat(browser.submitFormOf(page, "/cancel").statusCode()).as("cancel %d", i).isEqualTo(200);
        }
        HttpResponse<String> refused = browser.submitFormOf(page, "/cancel");

        assertThat(refused.statusCode()).isEqualTo(429);
        String wait = refused.headers().firstValue("Retry-After").orElseThrow();
        assertThat(refused.body()).contains("Too many requests were sent from your network. Please wait " + wait
                + " seconds and try again.");
    }

    @Test
    void theHomePageListsOpenConferencesLinkingToTheirForms() {
        String conference = createConference("listed", 25);

        String html = new Browser(port, "en").get("/").body();

        assertThat(tag(html, "a", "href", formPath(conference))).isPresent();
        assertThat(html).contains("Conferences open for registration", "Integration Forum", "Sofia");
    }

    @Test
    void aWrongTokenOrAnUnknownConferenceIsAPageNotFound() {
        String conference = createConference("not-found", 5);
        String id = json(register(conference, registrationJson("Ana", "Petrova", "ana@example.org"))).path("id").asString();
        Browser browser = new Browser(port, "en");

        HttpResponse<String> wrongToken = browser.get("/registrations/" + id + "?token=bm90LXRoZS10b2tlbg");
        HttpResponse<String> unknownConference = browser.get(formPath("no-such-conference"));

        assertThat(wrongToken.statusCode()).isEqualTo(404);
        assertThat(wrongToken.body()).contains("Page not found").doesNotContain("Ana");
        assertThat(unknownConference.statusCode()).isEqualTo(404);
        assertThat(unknownConference.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
    }

    @Test
    void aClosedConferenceSaysSoInsteadOfShowingTheForm() {
        String conference = newConferenceId("closed-form");
        postJson("/api/conferences", conferenceJson(conference, 10, Instant.now().minusSeconds(60).toString()), ORGANISER);

        HttpResponse<String> page = new Browser(port, "en").get(formPath(conference));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Registration for this conference is closed.");
        assertThat(tag(page.body(), "form", "method", "post")).isEmpty();
    }

    @Test
    void aSubmissionWithoutTheFormsCsrfTokenIsRefused() {
        String conference = createConference("csrf", 10);

        HttpResponse<String> response = new Browser(port, "en").post(formPath(conference), validForm("csrf@example.org"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("The form has expired");
        assertThat(json(get("/api/conferences/" + conference, "application/json", null)).path("seatsLeft").asInt())
                .isEqualTo(10);
    }

    @Test
    void everyPageSendsAContentSecurityPolicy() {
        String conference = createConference("csp", 10);

        for (String path : List.of("/", formPath(conference), "/privacy", "/accessibility")) {
            HttpResponse<String> page = get(path, "text/html", null);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'"));
        }
    }

    @Test
    void overHttpsEveryCookieIsSecureAndOverPlainHttpItCannotBe() {
        String conference = createConference("https", 10);
        // As the TLS-terminating proxy in front of the app tells it (from loopback, a trusted proxy).
        HttpResponse<String> overHttps = send(java.net.http.HttpRequest.newBuilder(url(formPath(conference) + "?lang=bg"))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").GET().build());
        HttpResponse<String> overHttp = send(java.net.http.HttpRequest.newBuilder(url(formPath(conference) + "?lang=bg"))
                .header("Accept", "text/html").GET().build());

        List<String> secure = overHttps.headers().allValues("Set-Cookie");
        assertThat(secure).as("the session and the language cookie").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
        assertThat(overHttp.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("; Secure"));
    }

    private static String formPath(String conference) {
        return "/conferences/" + conference + "/register";
    }

    private static Map<String, String> validForm(String email) {
        Map<String, String> form = Browser.participantForm(email);
        form.put("consents.listInDirectory", "true");
        form.put("notes", "Wheelchair access, please.\r\nThank you.");
        return form;
    }

    private static Map<String, String> cyrillicForm(String email) {
        Map<String, String> form = validForm(email);
        form.put("firstName", "Иван");
        form.put("lastName", "Петров");
        form.put("organisation", "Български съвет за бежанци и мигранти");
        form.put("language", "bg");
        form.remove("consents.listInDirectory");
        return form;
    }
}
