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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Writing to participants in a real headless Chromium, in Bulgarian and in English, with the keyboard only: the
 * form (and its errors), the preview with the count, the send and the list of messages sent; axe-core finds no
 * WCAG 2.2 AA violation of any impact on any of them. The conference form's description too. Skipped where
 * Chromium is not installed.
 */
@EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")
class OrganiserMessagesBrowserIT extends IntegrationSupport {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.of("recipients", "It goes to 1 participant(s)", "sent", "The message is sent to 1 participant(s).",
                    "error", "Write the message in English."),
            "bg", Map.of("recipients", "Получава го 1 участник(а)", "sent", "Съобщението е изпратено до 1 участник(а).",
                    "error", "Напишете съобщението на английски."));

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void theOrganiserWritesPreviewsAndSendsWithTheKeyboardOnAccessiblePages(String lang) {
        String conference = createConference("messages-browser-" + lang, 10);
        register(conference, registrationJson("Ана", "Петрова", "ana.msg." + lang + "@example.org"));
        String messages = "/organiser/conferences/" + conference + "/messages";
        WebDriver driver = logIn(messages + "/new?lang=" + lang);

        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("subject-bg")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        assertNoViolations(driver, "message form (" + lang + ")");

        // The keyboard walks the form: the audience's radios (arrow keys), then each language's subject and body.
        driver.findElement(By.id("audience")).sendKeys("");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("audience-CONFIRMED");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("subject.bg");
        driver.switchTo().activeElement().sendKeys("Програмата");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("body.bg");
        driver.switchTo().activeElement().sendKeys("Уважаеми участници,", Keys.ENTER, "програмата е готова.");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("subject.en");
        driver.switchTo().activeElement().sendKeys("The programme");
        // The English body is left empty: the form comes back with the error beside it.
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.id("body-en-error")).getText()).contains(TEXT.get(lang).get("error"));
        assertThat(driver.findElement(By.id("body-en")).getAttribute("aria-describedby")).contains("body-en-error");
        assertThat(driver.findElement(By.id("subject-en")).getAttribute("value")).isEqualTo("The programme");
        assertNoViolations(driver, "message form with an error (" + lang + ")");

        driver.findElement(By.cssSelector(".error-summary a")).sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("body-en");
        driver.switchTo().activeElement().sendKeys("Dear participants,", Keys.ENTER, "the programme is ready.");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("button");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));

        assertThat(driver.findElement(By.id("recipients")).getText()).contains(TEXT.get(lang).get("recipients"));
        assertThat(driver.findElement(By.id("preview-bg")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("preview-en")).isDisplayed()).isTrue();
        assertNoViolations(driver, "message preview (" + lang + ")");

        // The send button is the first of the preview's actions.
        driver.findElement(By.cssSelector(".actions button")).sendKeys("");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));

        assertThat(driver.getCurrentUrl()).contains(messages);
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo(TEXT.get(lang).get("sent"));
        assertThat(driver.findElement(By.cssSelector("tbody")).getText()).contains("organiser");
        assertNoViolations(driver, "messages sent (" + lang + ")");

        driver.get("http://localhost:" + port + "/organiser/conferences/" + conference + "/edit?lang=" + lang);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("description-bg")));
        assertNoViolations(driver, "conference form with its description (" + lang + ")");
    }

    private static void assertNoViolations(WebDriver driver, String what) {
        assertThat(Axe.run(driver)).as("axe-core on " + what).isEmpty();
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
