package org.eforum.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * An organiser sets the form's own questions in a real headless Chromium, keyboard only, in Bulgarian and English:
 * a question sent without its English label shows the error beside it, then is added with its options, moved and
 * shown on the public form; axe-core finds no violation of any impact on any of the pages. Skipped where Chromium
 * is not installed.
 */
@EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")
class OrganiserQuestionsBrowserIT extends IntegrationSupport {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.of("title", "The form's own questions", "problem", "There is a problem",
                    "added", "The question is added to the form.", "moved", "The order is saved."),
            "bg", Map.of("title", "Въпросите на формуляра", "problem", "Има проблем",
                    "added", "Въпросът е добавен към формуляра.", "moved", "Редът е запазен."));

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void anOrganiserAddsAQuestionWithItsOptionsAndMovesItWithTheKeyboard(String lang) {
        String conference = createConference("browser-questions-" + lang, 30);
        chromium.newVisit();
        WebDriver driver = chromium.driver();
        driver.get("http://localhost:" + port + "/organiser?lang=" + lang);
        chromium.waiting().until(ExpectedConditions.urlContains("/organiser/login"));
        driver.findElement(By.id("username")).sendKeys("organiser");
        driver.findElement(By.id("password")).sendKeys("organiser", Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));

        driver.get("http://localhost:" + port + "/organiser/conferences/" + conference);
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("a[href$='/questions']")).sendKeys(Keys.ENTER));
        chromium.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), TEXT.get(lang).get("title")));
        assertNoViolations(driver, "questions, none yet (" + lang + ")");

        addYesNo(driver, "catering", "Обяд", "Lunch");
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("a[href$='/questions/new']")).sendKeys(Keys.ENTER));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("questionId")));
        assertNoViolations(driver, "new question (" + lang + ")");
        type(driver, "questionId", "interpretation");
        new Select(driver.findElement(By.id("kind"))).selectByValue("ONE_OF");
        type(driver, "questionLabel-bg", "Превод");
        type(driver, "option-0-bg", "Без превод");
        type(driver, "option-0-en", "None");
        type(driver, "option-1-bg", "На английски");
        type(driver, "option-1-en", "Into English");
        submit(driver);

        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(driver.findElement(By.id("error-summary-title")).getText()).isEqualTo(TEXT.get(lang).get("problem"));
        WebElement error = driver.findElement(By.id("questionLabel-en-error"));
        assertThat(error.findElement(By.xpath("..")).findElements(By.id("questionLabel-en"))).as("beside it").hasSize(1);
        assertThat(driver.findElement(By.id("questionLabel-en")).getAttribute("aria-describedby"))
                .contains("questionLabel-en-error");
        assertThat(driver.findElement(By.id("option-1-en")).getAttribute("value")).as("what was typed is kept")
                .isEqualTo("Into English");
        assertNoViolations(driver, "new question with errors (" + lang + ")");

        type(driver, "questionLabel-en", "Interpretation");
        driver.findElement(By.id("required")).sendKeys(Keys.SPACE);
        submit(driver);
        assertThat(driver.findElement(By.id("main")).getText()).contains(TEXT.get(lang).get("added"));
        assertNoViolations(driver, "questions, two (" + lang + ")");

        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("form[action$='/interpretation/up'] button"))
                .sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.id("main")).getText()).contains(TEXT.get(lang).get("moved"));
        assertThat(driver.findElements(By.cssSelector(".question-list__item strong")).get(0).getText())
                .isEqualTo(lang.equals("bg") ? "Превод" : "Interpretation");

        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("a[href$='/questions/interpretation']"))
                .sendKeys(Keys.ENTER));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("questionLabel-bg")));
        assertThat(driver.findElements(By.id("kind"))).as("the kind cannot change").isEmpty();
        assertNoViolations(driver, "edit question (" + lang + ")");

        driver.get("http://localhost:" + port + "/conferences/" + conference + "/register?lang=" + lang);
        assertThat(driver.findElement(By.id("main")).getText())
                .contains(lang.equals("bg") ? "Превод" : "Interpretation")
                .contains(lang.equals("bg") ? "На английски" : "Into English");
    }

    private static void addYesNo(WebDriver driver, String id, String bg, String en) {
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("a[href$='/questions/new']")).sendKeys(Keys.ENTER));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("questionId")));
        type(driver, "questionId", id);
        new Select(driver.findElement(By.id("kind"))).selectByValue("YES_NO");
        type(driver, "questionLabel-bg", bg);
        type(driver, "questionLabel-en", en);
        submit(driver);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".question-list")));
    }

    private static void assertNoViolations(WebDriver driver, String what) {
        assertThat(Axe.run(driver)).as("axe-core on %s", what).isEmpty();
    }

    private static void submit(WebDriver driver) {
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("form.question-form button[type='submit']"))
                .sendKeys(Keys.ENTER));
    }

    private static void type(WebDriver driver, String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
