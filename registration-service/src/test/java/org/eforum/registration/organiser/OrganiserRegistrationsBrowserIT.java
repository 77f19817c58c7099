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
 * The registrations table in a real headless Chromium, in Bulgarian and in English: the organiser logs in, filters
 * with the form and sorts with a header using only the keyboard; the table's region takes the focus (it scrolls
 * sideways on a narrow screen); axe-core finds no serious or critical WCAG 2.2 AA violation. Skipped where
 * Chromium is not installed.
 */
@EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")
class OrganiserRegistrationsBrowserIT extends IntegrationSupport {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.of("title", "Registrations", "range", "Rows 1–2 of 2", "filtered", "Rows 1–1 of 1",
                    "cancelled", "The registration is cancelled and the participant is being mailed.",
                    "status", "Cancelled", "approveTwo", "Approve 2 registrations?", "approved", "2 approved, 0 skipped."),
            "bg", Map.of("title", "Регистрации", "range", "Редове 1–2 от 2", "filtered", "Редове 1–1 от 1",
                    "cancelled", "Регистрацията е отменена и писмото до участника се изпраща.",
                    "status", "Отменена", "approveTwo", "Да се одобрят ли 2 регистрации?",
                    "approved", "Одобрени: 2, пропуснати: 0."));

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void theOrganiserFiltersAndSortsWithTheKeyboardOnAnAccessibleTable(String lang) {
        String conference = createConference("table-browser-" + lang, 10);
        register(conference, registrationJson("Ана", "Петрова", "ana.table." + lang + "@example.org"));
        register(conference, registrationJson("Boris", "Ivanov", "boris.table." + lang + "@example.org"));
        String table = "/organiser/conferences/" + conference + "/registrations";
        WebDriver driver = logIn(table + "?lang=" + lang);

        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("registrations-caption")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith(TEXT.get(lang).get("title"));
        assertThat(driver.findElement(By.id("range")).getText()).isEqualTo(TEXT.get(lang).get("range"));
        Axe.assertNoSeriousViolations(driver, "registrations table (" + lang + ")");
        WebElement search = driver.findElement(By.id("q"));
        assertThat(search.getCssValue("padding-left")).as("the search box is styled as the other inputs").isEqualTo("8px");
        assertThat(search.getCssValue("font-size")).isEqualTo(driver.findElement(By.id("status")).getCssValue("font-size"));

        // Tab from the last link of the form reaches the table's region (it scrolls sideways), then the first header.
        driver.findElement(By.id("clear-filters")).sendKeys("");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("class")).isEqualTo("table-scroll");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("href")).endsWith(table + "?sort=name");
        driver.findElement(By.id("q")).sendKeys("петрова");
        new Select(driver.findElement(By.id("status"))).selectByValue("CONFIRMED");
        chromium.nextPageAfter(() -> driver.findElement(By.id("q")).sendKeys(Keys.ENTER));
        assertThat(driver.getCurrentUrl()).as("the state is in the address").contains("q=", "status=CONFIRMED");
        assertThat(driver.findElement(By.id("range")).getText()).isEqualTo(TEXT.get(lang).get("filtered"));
        assertThat(driver.findElement(By.cssSelector("tbody th[scope='row']")).getText()).isEqualTo("Ана Петрова");
        Axe.assertNoSeriousViolations(driver, "registrations table, filtered (" + lang + ")");

        driver.get("http://localhost:" + port + table + "?lang=" + lang);
        WebElement byName = driver.findElement(By.cssSelector("#col-name a"));
        chromium.nextPageAfter(() -> byName.sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.id("col-name")).getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(driver.findElement(By.cssSelector("tbody th[scope='row']")).getText()).isEqualTo("Boris Ivanov");
        WebElement again = driver.findElement(By.cssSelector("#col-name a"));
        chromium.nextPageAfter(() -> again.sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.id("col-name")).getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(driver.findElement(By.cssSelector("tbody th[scope='row']")).getText()).isEqualTo("Ана Петрова");
        assertThat(driver.findElement(By.cssSelector(".table-scroll[role='region']")).getAttribute("tabindex"))
                .isEqualTo("0");
        Axe.assertNoSeriousViolations(driver, "registrations table, sorted (" + lang + ")");
    }

    /**
     * From the table to one registration and through its cancel with the keyboard only: the row's link, the action's
     * link, the confirmation's button; axe-core finds no violation at all on the registration page and the
     * confirmation page (the delivery log's stand-in answers 503 here: the page says so).
     */
    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void theOrganiserOpensARegistrationAndCancelsItWithTheKeyboard(String lang) {
        String conference = createConference("one-browser-" + lang, 1);
        assertThat(putJson("/api/conferences/" + conference + "/questions", """
                {"questions": [{"id": "wheelchair", "kind": "YES_NO", "label": {"bg": "Инвалидна количка", "en": "Wheelchair"}},
                  {"id": "remarks", "kind": "LONG_TEXT", "label": {"bg": "Бележки", "en": "Remarks"}}]}
                """, ORGANISER).statusCode()).isEqualTo(200);
        String anaJson = registrationJson("Ана", "Петрова", "ana.one." + lang + "@example.org");
        String ana = json(register(conference, anaJson.substring(0, anaJson.lastIndexOf('}'))
                + ", \"answers\": {\"wheelchair\": true, \"remarks\": \"Early flight.\\nLate lunch.\"}}"))
                .path("id").asString();
        String boris = json(register(conference, registrationJson("Boris", "Ivanov", "boris.one." + lang + "@example.org")))
                .path("id").asString();
        String page = "/organiser/conferences/" + conference + "/registrations/" + ana;
        WebDriver driver = logIn("/organiser/conferences/" + conference + "/registrations?lang=" + lang);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("registrations-caption")));

        WebElement row = driver.findElement(By.cssSelector("tbody th[scope='row'] a"));
        assertThat(row.getText()).isEqualTo("Ана Петрова");
        chromium.nextPageAfter(() -> row.sendKeys(Keys.ENTER));
        assertThat(driver.getCurrentUrl()).endsWith(page);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        assertThat(driver.findElement(By.id("mails-unavailable")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("answer-remarks")).getText()).as("the lines kept")
                .isEqualTo("Early flight.\nLate lunch.");
        assertThat(Axe.run(driver)).as("axe-core on the registration page, answers included (" + lang + ")").isEmpty();

        // Tab from the first action reaches the next one; Enter on "cancel" opens the confirmation.
        driver.findElement(By.id("resend-mail")).sendKeys("");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("cancel");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));
        assertThat(driver.getCurrentUrl()).endsWith(page + "/cancel");
        assertThat(Axe.run(driver)).as("axe-core on the confirmation (" + lang + ")").isEmpty();
        WebElement confirm = driver.findElement(By.id("confirm"));
        confirm.sendKeys("");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));

        assertThat(driver.getCurrentUrl()).contains(page + "?done=cancel");
        assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo(TEXT.get(lang).get("cancelled"));
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo(TEXT.get(lang).get("status"));
        assertThat(Axe.run(driver)).as("axe-core on the cancelled registration (" + lang + ")").isEmpty();
        assertThat(json(get("/api/conferences/" + conference + "/registrations/" + boris, "application/json",
                ORGANISER)).at("/registration/status").asString()).as("the first waitlisted").isEqualTo("CONFIRMED");
    }

    /**
     * A moderated conference's table: the organiser ticks the registrations awaiting approval and writes a message
     * with the keyboard, presses "Approve selected", reads the confirmation page and confirms; axe-core finds no
     * violation at all on the table with its checkboxes, the confirmation page and the table with the notice.
     */
    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void theOrganiserApprovesTheSelectedRegistrationsThroughAnAccessibleConfirmation(String lang) {
        String conference = newConferenceId("bulk-browser-" + lang);
        assertThat(postJson("/api/conferences", conferenceJson(conference, 10, null).replace(
                "\"organiserNotifications\": \"IMMEDIATE\"}",
                "\"organiserNotifications\": \"IMMEDIATE\", \"moderated\": true}"), ORGANISER).statusCode())
                .isEqualTo(201);
        String ana = json(register(conference, registrationJson("Ана", "Петрова", "ana.bulk." + lang + "@example.org")))
                .path("id").asString();
        String boris = json(register(conference, registrationJson("Boris", "Ivanov", "boris.bulk." + lang + "@example.org")))
                .path("id").asString();
        String table = "/organiser/conferences/" + conference + "/registrations";
        WebDriver driver = logIn(table + "?lang=" + lang);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("registrations-caption")));
        assertThat(Axe.run(driver)).as("axe-core on the table with checkboxes (" + lang + ")").isEmpty();

        driver.findElement(By.id("select-" + ana)).sendKeys(Keys.SPACE);
        driver.findElement(By.id("select-" + boris)).sendKeys(Keys.SPACE);
        driver.findElement(By.id("message-bg")).sendKeys("Добре дошли!");
        driver.findElement(By.id("message-en")).sendKeys("Welcome!");
        WebElement approve = driver.findElement(By.id("approve-selected"));
        approve.sendKeys("");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));

        assertThat(driver.getCurrentUrl()).endsWith(table + "/moderate");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TEXT.get(lang).get("approveTwo"));
        assertThat(driver.findElement(By.id("message-en")).getText()).isEqualTo("Welcome!");
        assertThat(Axe.run(driver)).as("axe-core on the confirmation (" + lang + ")").isEmpty();
        driver.findElement(By.id("confirm")).sendKeys("");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));

        assertThat(driver.getCurrentUrl()).endsWith(table);
        assertThat(driver.findElement(By.id("notice")).getText()).startsWith(TEXT.get(lang).get("approved"));
        assertThat(Axe.run(driver)).as("axe-core on the table after approving (" + lang + ")").isEmpty();
        for (String approved : java.util.List.of(ana, boris)) {
            assertThat(json(get("/api/conferences/" + conference + "/registrations/" + approved, "application/json",
                    ORGANISER)).at("/registration/status").asString()).isEqualTo("CONFIRMED");
        }
    }

    private WebDriver logIn(String then) {
        chromium.newVisit();
        WebDriver driver = chromium.driver();
        driver.get("http://localhost:" + port + then);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("organiser");
        driver.findElement(By.id("password")).sendKeys("organiser");
        chromium.nextPageAfter(() -> driver.findElement(By.id("password")).sendKeys(Keys.ENTER));
        return driver;
    }
}
