package org.eforum.registration.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.eforum.testsupport.browser.Axe;
import org.eforum.testsupport.browser.ChromiumPerClass;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The participant's corrections in a real headless Chromium, with the keyboard, in Bulgarian and in English: from
 * their page to the prefilled form, a refused form with its errors beside the inputs, a saved correction, a new
 * address asked for and confirmed from the page its link opens; axe-core finds no serious or critical WCAG 2.2 AA
 * violation on any of them. Skipped where Chromium is not installed.
 */
@EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")
class DetailsCorrectionBrowserIT extends IntegrationSupport {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.of("link", "Correct my details", "heading", "Correct your details", "problem",
                    "There is a problem", "saved", "Your details were saved.", "sent", "Check the mailbox of",
                    "confirmHeading", "Confirm your new e-mail address", "confirmButton", "Confirm the new address",
                    "moved", "Your new e-mail address is confirmed"),
            "bg", Map.of("link", "Поправи данните си", "heading", "Поправете данните си", "problem", "Има проблем",
                    "saved", "Данните ви са запазени.", "sent", "Проверете пощата на",
                    "confirmHeading", "Потвърдете новия си имейл адрес", "confirmButton", "Потвърди новия адрес",
                    "moved", "Новият ви имейл адрес е потвърден"));

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void theParticipantCorrectsTheirDetailsAndMovesToANewAddressWithTheKeyboard(String lang) {
        String conference = createConference("correct-browser-" + lang, 30);
        HttpResponse<String> set = putJson("/api/conferences/" + conference + "/questions", """
                {"questions": [
                  {"id": "interpretation", "kind": "ONE_OF", "required": true,
                   "label": {"bg": "Превод", "en": "Interpretation"},
                   "options": [{"id": "none", "label": {"bg": "Не", "en": "None"}},
                               {"id": "into-en", "label": {"bg": "На английски", "en": "Into English"}}]},
                  {"id": "diet", "kind": "SHORT_TEXT", "label": {"bg": "Хранене", "en": "Diet"}}]}
                """, ORGANISER);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        String email = "ana.correct." + lang + "@example.org";
        String body = registrationJson("Ana", "Petrova", email);
        HttpResponse<String> registered = register(conference, body.substring(0, body.lastIndexOf('}'))
                + ", \"answers\": {\"interpretation\": \"none\"}}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode ana = json(registered);
        String id = ana.path("id").asString();
        Map<String, String> text = TEXT.get(lang);

        WebDriver driver = open("/registrations/" + id + "?token=" + tokenOf(ana.path("selfServiceUrl").asString())
                + "&lang=" + lang);
        WebElement link = driver.findElement(By.cssSelector(".correct-details a"));
        assertThat(link.getText()).isEqualTo(text.get("link"));
        Axe.assertNoSeriousViolations(driver, "participant's page with the corrections' link (" + lang + ")");

        // The link, followed with the keyboard, opens the form prefilled.
        link.sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), text.get("heading")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        assertThat(field(driver, "organisation").getAttribute("value")).isEqualTo("Open Society Institute");
        assertThat(driver.findElement(By.id("answers-interpretation")).isSelected()).isTrue();
        for (String name : List.of("firstName", "lastName", "email", "organisation", "stakeholderType", "country",
                "position", "language", "consents.dataProcessing", "consents.listInDirectory",
                "consents.joinExpertsNetwork", "answers.diet")) {
            WebElement input = field(driver, name);
            WebElement label = driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"));
            assertThat(label.isDisplayed() && !label.getText().isBlank()).as("visible label of %s", name).isTrue();
        }
        Axe.assertNoSeriousViolations(driver, "corrections form (" + lang + ")");

        // A blanked name is refused: the error beside the field, tied to it, in the summary; nothing changed.
        field(driver, "firstName").clear();
        type(driver, "organisation", lang.equals("bg") ? "Столична община" : "Sofia Municipality");
        submitButton(driver).sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(driver.findElement(By.id("error-summary-title")).getText()).isEqualTo(text.get("problem"));
        WebElement error = driver.findElement(By.id("firstName-error"));
        assertThat(error.getText()).isNotBlank();
        assertThat(error.findElement(By.xpath("..")).findElements(By.id("firstName"))).hasSize(1);
        assertThat(field(driver, "firstName").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field(driver, "firstName").getAttribute("aria-describedby")).contains("firstName-error");
        assertThat(field(driver, "organisation").getAttribute("value")).as("what was typed stays")
                .isEqualTo(lang.equals("bg") ? "Столична община" : "Sofia Municipality");
        Axe.assertNoSeriousViolations(driver, "refused corrections form (" + lang + ")");

        // The summary's link takes the keyboard to the field; the corrected form saves.
        driver.findElement(By.cssSelector(".error-summary a[href='#firstName']")).sendKeys(Keys.ENTER);
        type(driver, "firstName", "Anna");
        driver.findElement(By.id("answers-interpretation-into-en")).sendKeys(Keys.SPACE);
        submitButton(driver).sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main p[role='status']")));
        assertThat(driver.findElement(By.cssSelector("main p[role='status']")).getText()).isEqualTo(text.get("saved"));
        assertThat(driver.findElement(By.id("main")).getText()).contains("Anna Petrova");
        Axe.assertNoSeriousViolations(driver, "participant's page after a correction (" + lang + ")");

        // A new address: asked for on the form, confirmed from the page the link mailed to it opens.
        String newEmail = "anna.moved." + lang + "@example.org";
        driver.findElement(By.cssSelector(".correct-details a")).sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), text.get("heading")));
        type(driver, "email", newEmail);
        submitButton(driver).sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main p[role='status']")));
        assertThat(driver.findElement(By.cssSelector("main p[role='status']")).getText())
                .startsWith(text.get("sent") + " " + newEmail);
        String confirmationUrl = await().atMost(Duration.ofSeconds(30)).until(() -> PublishedEvents.of(
                        bootstrapServers, List.of(id)).stream().filter(e -> e.kind().equals("email-change-requested"))
                .map(e -> e.data().path("confirmationUrl").asString()).findFirst().orElse(null), url -> url != null);

        driver = open(confirmationUrl.substring(confirmationUrl.indexOf("/registrations/")) + "&lang=" + lang);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(text.get("confirmHeading"));
        assertThat(driver.findElement(By.id("main")).getText()).contains(newEmail);
        Axe.assertNoSeriousViolations(driver, "new address's confirmation page (" + lang + ")");
        WebElement confirm = submitButton(driver);
        assertThat(confirm.getText()).isEqualTo(text.get("confirmButton"));
        confirm.sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main p[role='status']")));
        assertThat(driver.findElement(By.cssSelector("main p[role='status']")).getText()).startsWith(text.get("moved"));
        assertThat(driver.getCurrentUrl()).contains("/registrations/" + id + "?token="
                + tokenOf(ana.path("selfServiceUrl").asString()));
        assertThat(driver.findElement(By.id("main")).getText()).contains(newEmail);
        Axe.assertNoSeriousViolations(driver, "participant's page after the address moved (" + lang + ")");
    }

    private WebDriver open(String pathAndQuery) {
        chromium.newVisit();
        WebDriver driver = chromium.driver();
        driver.get("http://localhost:" + port + pathAndQuery);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        return driver;
    }

    private static WebElement field(WebDriver driver, String name) {
        return driver.findElement(By.cssSelector("form[method='post'] [name='" + name + "']"));
    }

    private static WebElement submitButton(WebDriver driver) {
        return driver.findElement(By.cssSelector("form[method='post'] button[type='submit']"));
    }

    private static void type(WebDriver driver, String name, String text) {
        WebElement input = field(driver, name);
        input.clear();
        input.sendKeys(text);
    }
}
