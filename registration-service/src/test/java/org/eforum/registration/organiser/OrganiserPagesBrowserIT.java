package org.eforum.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The workspace in a real headless Chromium, keyboard only: an organiser logs in, sends the conference form
 * empty and sees each error beside its input, creates the conference in both languages, closes its registration;
 * axe-core finds no serious or critical WCAG 2.2 AA violation on any page. Skipped where Chromium is not installed.
 */
@EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")
class OrganiserPagesBrowserIT extends IntegrationSupport {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.of("list", "Your conferences", "problem", "There is a problem", "created", "The conference is created.",
                    "closed", "Registration is closed from now on.", "login", "Log in to the organisers' workspace",
                    "loggedIn", "Logged in as organiser"),
            "bg", Map.of("list", "Вашите конференции", "problem", "Има проблем", "created", "Конференцията е създадена.",
                    "closed", "Регистрацията е затворена от този момент.", "login", "Вход за организатори",
                    "loggedIn", "Влезли сте като organiser"));

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void anOrganiserLogsInCreatesAConferenceInBothLanguagesAndClosesItsRegistrationWithTheKeyboard(String lang) {
        chromium.newVisit();
        WebDriver driver = chromium.driver();
        driver.get("http://localhost:" + port + "/organiser?lang=" + lang);
        chromium.waiting().until(ExpectedConditions.urlContains("/organiser/login"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TEXT.get(lang).get("login"));
        assertThat(driver.findElements(By.cssSelector("form.logout"))).as("nobody to log out before the login").isEmpty();
        Axe.assertNoSeriousViolations(driver, "login (" + lang + ")");

        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("class")).as("Tab reaches the skip link first")
                .contains("skip-link");
        driver.findElement(By.id("username")).sendKeys("organiser");
        driver.findElement(By.id("password")).sendKeys("organiser", Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), TEXT.get(lang).get("list")));
        assertThat(driver.findElement(By.cssSelector("form.logout")).getText()).contains(TEXT.get(lang).get("loggedIn"));
        Axe.assertNoSeriousViolations(driver, "conference list (" + lang + ")");

        driver.findElement(By.cssSelector("a[href='/organiser/conferences/new']")).sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("title-bg")));
        Axe.assertNoSeriousViolations(driver, "new conference (" + lang + ")");
        for (String id : List.of("id", "title-bg", "title-en", "venue-bg", "venue-en", "startDate", "endDate", "city",
                "country", "capacity", "registrationOpens", "registrationCloses", "contact-name", "contact-email", "cc")) {
            WebElement label = driver.findElement(By.cssSelector("label[for='" + id + "']"));
            assertThat(label.isDisplayed() && !label.getText().isBlank()).as("visible label of %s", id).isTrue();
        }

        submit(driver);
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(driver.findElement(By.id("error-summary-title")).getText()).isEqualTo(TEXT.get(lang).get("problem"));
        for (String id : List.of("id", "title-bg", "title-en", "startDate", "endDate", "city", "country", "capacity",
                "contact-name", "contact-email")) {
            WebElement error = driver.findElement(By.id(id + "-error"));
            assertThat(error.isDisplayed()).as("error of %s shown", id).isTrue();
            assertThat(driver.findElement(By.id(id)).getAttribute("aria-describedby")).contains(id + "-error");
            assertThat(error.findElement(By.xpath("..")).findElements(By.id(id))).as("error of %s beside it", id)
                    .hasSize(1);
        }
        Axe.assertNoSeriousViolations(driver, "new conference with errors (" + lang + ")");

        String conference = "browser-organiser-" + lang + "-" + Long.toString(System.nanoTime(), 36);
        int year = LocalDate.now().getYear() + 1;
        type(driver, "id", conference);
        type(driver, "title-bg", "Национален форум за интеграция");
        type(driver, "title-en", "National Integration Forum");
        type(driver, "venue-bg", "Столична библиотека");
        type(driver, "venue-en", "Sofia City Library");
        // A date input's keystrokes depend on the browser's locale: its value is set directly, like a date picker would.
        setValue(driver, "startDate", year + "-06-10");
        setValue(driver, "endDate", year + "-06-11");
        type(driver, "city", "Sofia");
        new Select(driver.findElement(By.id("country"))).selectByValue("BG");
        type(driver, "capacity", "80");
        type(driver, "contact-name", "Мария Иванова");
        type(driver, "contact-email", "maria@ministry.example.bg");
        type(driver, "cc", "team@ministry.example.bg");
        submit(driver);

        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"),
                TEXT.get(lang).get("created")));
        assertThat(driver.getCurrentUrl()).endsWith("/organiser/conferences/" + conference);
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo(lang.equals("bg") ? "Национален форум за интеграция" : "National Integration Forum");
        Axe.assertNoSeriousViolations(driver, "conference overview (" + lang + ")");

        driver.findElement(By.cssSelector("form[action$='/close'] button")).sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"),
                TEXT.get(lang).get("closed")));
        assertThat(driver.findElements(By.cssSelector("form[action$='/open'] button"))).hasSize(1);

        driver.findElement(By.cssSelector("a[href$='/edit']")).sendKeys(Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("capacity")));
        assertThat(driver.findElement(By.id("capacity")).getAttribute("value")).isEqualTo("80");
        Axe.assertNoSeriousViolations(driver, "edit conference (" + lang + ")");
    }

    private static void submit(WebDriver driver) {
        driver.findElement(By.cssSelector("form.conference-form button[type='submit']")).sendKeys(Keys.ENTER);
    }

    private static void type(WebDriver driver, String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void setValue(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }
}
