package org.eforum.registration.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.eforum.registration.IntegrationSupport;
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
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The registration pages in a real headless Chromium (Debian's chromium and chromium-driver, which {@code .ci/run}
 * installs): a participant fills the form with the keyboard in Bulgarian and in English, sees the errors beside
 * their fields, registers, and cancels on their page; axe-core finds no serious or critical WCAG 2.2 AA violation
 * on any of these pages. Skipped where Chromium is not installed.
 */
@EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")
class RegistrationFormBrowserIT extends IntegrationSupport {

    /** The fields that a form sent empty gets an error for, by the id of their input. */
    private static final List<String> REQUIRED = List.of("firstName", "lastName", "email", "organisation",
            "stakeholderType", "country", "consents-dataProcessing");

    /** The texts of the message bundles that the tests look for. */
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.of("confirmed", "Your registration is confirmed", "cancelled", "Your registration is cancelled",
                    "problem", "There is a problem", "index", "Conferences open for registration",
                    "confirmButton", "Confirm my address", "addressConfirmed", "Thank you: your address is confirmed."),
            "bg", Map.of("confirmed", "Регистрацията ви е потвърдена", "cancelled", "Регистрацията ви е отменена",
                    "problem", "Има проблем", "index", "Конференции с отворена регистрация",
                    "confirmButton", "Потвърждавам адреса си", "addressConfirmed", "Благодарим ви: адресът ви е потвърден."));

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void aParticipantFillsTheFormWithTheKeyboardSeesErrorsBesideFieldsRegistersAndCancels(String lang) {
        String conference = createConference("browser-" + lang, 30);
        WebDriver driver = open("/conferences/" + conference + "/register?lang=" + lang);

        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("class")).as("Tab reaches the skip link first")
                .contains("skip-link");
        for (String name : List.of("firstName", "lastName", "email", "organisation", "stakeholderType", "country",
                "position", "language", "consents.dataProcessing", "consents.listInDirectory",
                "consents.joinExpertsNetwork", "notes")) {
            WebElement input = field(driver, name);
            WebElement label = driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"));
            assertThat(label.isDisplayed() && !label.getText().isBlank()).as("visible label of %s", name).isTrue();
        }
        Axe.assertNoSeriousViolations(driver, "registration form (" + lang + ")");

        // Sent empty: every required field gets its error beside it, tied to it for screen readers.
        submitButton(driver).sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(driver.findElement(By.id("error-summary-title")).getText()).isEqualTo(TEXT.get(lang).get("problem"));
        for (String id : REQUIRED) {
            WebElement error = driver.findElement(By.id(id + "-error"));
            WebElement input = driver.findElement(By.id(id));
            assertThat(error.isDisplayed()).as("error of %s shown", id).isTrue();
            assertThat(error.getText()).as("error of %s", id).isNotBlank();
            assertThat(input.getAttribute("aria-invalid")).as("%s marked invalid", id).isEqualTo("true");
            assertThat(input.getAttribute("aria-describedby")).as("%s described by its error", id).contains(id + "-error");
            WebElement fieldOfError = error.findElement(By.xpath(".."));
            assertThat(fieldOfError.findElements(By.id(id))).as("error of %s beside its field", id).hasSize(1);
            assertThat(driver.findElement(By.cssSelector(".error-summary a[href='#" + id + "']")).isDisplayed())
                    .as("summary links to %s", id).isTrue();
        }
        Axe.assertNoSeriousViolations(driver, "registration form with errors (" + lang + ")");

        // Filled in with the keyboard: typed text, options chosen, checkboxes ticked with Space, sent with Enter.
        boolean bg = lang.equals("bg");
        type(driver, "firstName", bg ? "Ана" : "Ana");
        type(driver, "lastName", bg ? "Петрова" : "Petrova");
        type(driver, "email", "ana.browser." + lang + "@example.org");
        type(driver, "organisation", bg ? "Столична община" : "Sofia Municipality");
        type(driver, "position", bg ? "Експерт" : "Expert");
        new Select(field(driver, "stakeholderType")).selectByValue("LOCAL_AUTHORITY");
        new Select(field(driver, "country")).selectByValue("BG");
        new Select(field(driver, "language")).selectByValue(lang);
        field(driver, "consents.dataProcessing").sendKeys(Keys.SPACE);
        field(driver, "consents.listInDirectory").sendKeys(Keys.SPACE);
        type(driver, "notes", bg ? "Достъп с инвалидна количка, моля." : "Wheelchair access, please.");
        assertThat(field(driver, "consents.dataProcessing").isSelected()).isTrue();
        assertThat(field(driver, "consents.joinExpertsNetwork").isSelected()).isFalse();
        submitButton(driver).sendKeys(Keys.ENTER);

        chromium.waiting().until(ExpectedConditions.urlContains("/registrations/"));
        chromium.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), TEXT.get(lang).get("confirmed")));
        assertThat(driver.getCurrentUrl()).contains("token=");
        assertThat(driver.findElement(By.id("main")).getText()).contains(bg ? "Ана Петрова" : "Ana Petrova",
                "ana.browser." + lang + "@example.org");
        Axe.assertNoSeriousViolations(driver, "registration result (" + lang + ")");

        // Asked to be listed: the listing waits for the address to be confirmed; the button does it, with the keyboard.
        WebElement confirm = driver.findElement(By.cssSelector("section.confirm-address form button[type='submit']"));
        assertThat(confirm.getText()).isEqualTo(TEXT.get(lang).get("confirmButton"));
        confirm.sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main p[role='status']")));
        assertThat(driver.findElement(By.cssSelector("main p[role='status']")).getText())
                .startsWith(TEXT.get(lang).get("addressConfirmed"));
        assertThat(driver.findElements(By.cssSelector("section.confirm-address"))).as("nothing left to confirm").isEmpty();
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("the seat is kept")
                .isEqualTo(TEXT.get(lang).get("confirmed"));
        Axe.assertNoSeriousViolations(driver, "address confirmed (" + lang + ")");

        // The participant's page has the cancel button; pressing it cancels.
        WebElement cancel = driver.findElement(By.cssSelector("section.cancel form button[type='submit']"));
        cancel.sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), TEXT.get(lang).get("cancelled")));
        assertThat(driver.findElements(By.cssSelector("section.cancel form"))).as("nothing left to cancel").isEmpty();
        Axe.assertNoSeriousViolations(driver, "cancelled registration (" + lang + ")");
    }

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void theLandingPageListsTheConferenceAndLinksToItsForm(String lang) {
        String conference = createConference("landing-" + lang, 12);
        String form = "/conferences/" + conference + "/register";
        WebDriver driver = open("/?lang=" + lang);

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TEXT.get(lang).get("index"));
        List<WebElement> links = driver.findElements(By.cssSelector("a[href='" + form + "']"));
        assertThat(links).as("links to the form of %s", conference).isNotEmpty();
        Axe.assertNoSeriousViolations(driver, "landing page (" + lang + ")");

        links.get(0).sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.urlContains(form));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.name("firstName")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as("the language is kept")
                .isEqualTo(lang);
    }

    /** A conference's own questions: labelled, errors tied to them, answered with the keyboard, axe-clean. */
    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void aConferencesOwnQuestionsAreAskedAndAnsweredWithTheKeyboard(String lang) {
        String conference = createConference("questions-" + lang, 30);
        HttpResponse<String> set = putJson("/api/conferences/" + conference + "/questions", """
                {"questions": [
                  {"id": "interpretation", "kind": "ONE_OF", "required": true,
                   "label": {"bg": "Превод", "en": "Interpretation"},
                   "options": [{"id": "none", "label": {"bg": "Не", "en": "None"}},
                               {"id": "into-en", "label": {"bg": "На английски", "en": "Into English"}}]},
                  {"id": "panels", "kind": "SEVERAL_OF", "label": {"bg": "Панели", "en": "Panels"},
                   "options": [{"id": "labour", "label": {"bg": "Труд", "en": "Labour"}},
                               {"id": "housing", "label": {"bg": "Жилища", "en": "Housing"}}]},
                  {"id": "wheelchair", "kind": "YES_NO", "required": true,
                   "label": {"bg": "Достъп с инвалидна количка", "en": "Wheelchair access"}},
                  {"id": "arrival", "kind": "DATE", "label": {"bg": "Пристигане", "en": "Arrival"}},
                  {"id": "delegates", "kind": "NUMBER", "onlyFor": ["GOVERNMENT_INSTITUTION"],
                   "label": {"bg": "Брой делегати", "en": "Number of delegates"}}]}
                """, ORGANISER);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        WebDriver driver = open("/conferences/" + conference + "/register?lang=" + lang);
        for (String id : List.of("answers-interpretation", "answers-interpretation-into-en", "answers-panels",
                "answers-panels-housing", "answers-wheelchair", "answers-wheelchair-no", "answers-arrival",
                "answers-delegates")) {
            WebElement label = driver.findElement(By.cssSelector("label[for='" + id + "']"));
            assertThat(label.isDisplayed() && !label.getText().isBlank()).as("visible label of %s", id).isTrue();
        }
        Axe.assertNoSeriousViolations(driver, "registration form with questions (" + lang + ")");

        boolean bg = lang.equals("bg");
        type(driver, "firstName", bg ? "Ана" : "Ana");
        type(driver, "lastName", bg ? "Петрова" : "Petrova");
        type(driver, "email", "ana.questions." + lang + "@example.org");
        type(driver, "organisation", bg ? "Столична община" : "Sofia Municipality");
        new Select(field(driver, "stakeholderType")).selectByValue("LOCAL_AUTHORITY");
        new Select(field(driver, "country")).selectByValue("BG");
        field(driver, "consents.dataProcessing").sendKeys(Keys.SPACE);
        submitButton(driver).sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-summary")));
        for (String id : List.of("answers-interpretation", "answers-wheelchair")) {
            WebElement error = driver.findElement(By.id(id + "-error"));
            assertThat(error.getText()).as("error of %s", id).contains(bg ? "Отговорете на този въпрос." : "Answer this question.");
            WebElement group = error.findElement(By.xpath(".."));
            assertThat(group.getTagName()).isEqualTo("fieldset");
            assertThat(group.getAttribute("aria-describedby")).as("%s described by its error", id).contains(id + "-error");
            assertThat(driver.findElement(By.cssSelector(".error-summary a[href='#" + id + "']")).isDisplayed()).isTrue();
        }
        Axe.assertNoSeriousViolations(driver, "registration form with questions' errors (" + lang + ")");

        // The error summary's link takes the keyboard to the question; Space picks the option that has the focus.
        driver.findElement(By.cssSelector(".error-summary a[href='#answers-interpretation']")).sendKeys(Keys.ENTER);
        driver.findElement(By.id("answers-interpretation-into-en")).sendKeys(Keys.SPACE);
        driver.findElement(By.id("answers-panels-housing")).sendKeys(Keys.SPACE);
        driver.findElement(By.id("answers-wheelchair")).sendKeys(Keys.SPACE);
        assertThat(driver.findElement(By.id("answers-interpretation-into-en")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("answers-panels-housing")).isSelected()).isTrue();
        assertThat(field(driver, "consents.dataProcessing").isSelected()).as("the form came back as it was sent").isTrue();
        submitButton(driver).sendKeys(Keys.ENTER);

        chromium.waiting().until(ExpectedConditions.urlContains("/registrations/"));
        chromium.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), TEXT.get(lang).get("confirmed")));
        JsonNode answers = json(get("/api/conferences/" + conference + "/registrations", "application/json", ORGANISER))
                .get(0).path("answers");
        assertThat(answers.path("interpretation").asString()).isEqualTo("into-en");
        assertThat(answers.path("panels").toString()).isEqualTo("[\"housing\"]");
        assertThat(answers.path("wheelchair").asBoolean()).isTrue();
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
