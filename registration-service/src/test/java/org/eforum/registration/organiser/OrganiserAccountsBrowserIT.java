package org.eforum.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.eforum.contracts.event.OrganiserInvited;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operators' accounts pages in a real headless Chromium, in Bulgarian and in English, with the keyboard only:
 * the list, the new account's form (an error beside its field, then the account created) and disabling it after the
 * confirmation; the invitation's form, the invitee's set-password page (from the link of the event as published),
 * the login after it and the used link's page; axe-core finds no WCAG 2.2 AA violation of any impact on any of them. Skipped where Chromium is not
 * installed.
 */
@EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")
class OrganiserAccountsBrowserIT extends IntegrationSupport {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.of("password", "Use 12 to 72 characters for the password.", "created", "is created and can log in",
                    "disabled", "is disabled", "state", "Disabled", "invited", "Invited",
                    "different", "The two passwords differ.", "activated", "Your password is set.",
                    "used", "has been used already"),
            "bg", Map.of("password", "Използвайте от 12 до 72 знака за паролата.", "created", "е създаден и може да влиза",
                    "disabled", "е деактивиран", "state", "Деактивиран", "invited", "Поканен",
                    "different", "Двете пароли се различават.", "activated", "Паролата ви е зададена.",
                    "used", "вече е използвана"));

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void theOperatorCreatesAndDisablesAnAccountWithTheKeyboardOnAccessiblePages(String lang) {
        String username = "keys-" + lang + "-" + UUID.randomUUID().toString().substring(0, 6);
        WebDriver driver = logInAsOperator(lang);

        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("new-account")));
        assertThat(driver.getCurrentUrl()).contains("/organiser/accounts");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        assertNoViolations(driver, "accounts (" + lang + ")");

        driver.findElement(By.id("new-account")).sendKeys("");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertNoViolations(driver, "new account (" + lang + ")");

        // The keyboard walks the form top to bottom; the password is too short the first time.
        driver.findElement(By.id("username")).sendKeys(username);
        typeInNext("displayName", "Petya Georgieva");
        typeInNext("email", "petya." + lang + "@example.org");
        typeInNext("password", "too short");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("button");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));

        assertThat(driver.findElement(By.id("password-error")).getText()).contains(TEXT.get(lang).get("password"));
        assertThat(driver.findElement(By.id("password")).getAttribute("aria-describedby")).contains("password-error");
        assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEqualTo(username);
        assertNoViolations(driver, "new account with an error (" + lang + ")");

        driver.findElement(By.cssSelector(".error-summary a")).sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
        driver.switchTo().activeElement().sendKeys("a long first password", Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains(TEXT.get(lang).get("created"));
        assertNoViolations(driver, "accounts with the new one (" + lang + ")");

        driver.findElement(By.cssSelector("#account-" + username + " a")).sendKeys("");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
        assertNoViolations(driver, "disable confirmation (" + lang + ")");
        driver.findElement(By.id("confirm")).sendKeys("");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));

        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains(TEXT.get(lang).get("disabled"));
        assertThat(driver.findElement(By.cssSelector("#account-" + username + " .account-state")).getText())
                .isEqualTo(TEXT.get(lang).get("state"));
    }

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void theOperatorInvitesAndTheInviteeSetsThePasswordWithTheKeyboardOnAccessiblePages(String lang) {
        String username = "invitee-" + lang + "-" + UUID.randomUUID().toString().substring(0, 6);
        String other = "bg".equals(lang) ? "en" : "bg";
        WebDriver driver = logInAsOperator(lang);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("invite")));
        driver.findElement(By.id("invite")).sendKeys("");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertNoViolations(driver, "invitation form (" + lang + ")");

        // Username, name, address, then the mail's language: the radios move with the arrow keys.
        driver.findElement(By.id("username")).sendKeys(username);
        typeInNext("displayName", "Petya Georgieva");
        typeInNext("email", username + "@invited.example.org");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("language");
        assertThat(driver.switchTo().activeElement().getAttribute("value")).as("the page's language first")
                .isEqualTo(lang);
        // The mail in the other language than the page's, chosen with an arrow key.
        driver.switchTo().activeElement().sendKeys("bg".equals(lang) ? Keys.ARROW_DOWN : Keys.ARROW_UP);
        assertThat(driver.switchTo().activeElement().getAttribute("value")).isEqualTo(other);
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("button");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));

        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains(username);
        assertThat(driver.findElement(By.cssSelector("#account-" + username + " .account-state")).getText())
                .isEqualTo(TEXT.get(lang).get("invited"));
        assertNoViolations(driver, "accounts with an invited one (" + lang + ")");

        OrganiserInvited invitation = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> PublishedEvents.invitationsOf(bootstrapServers, username), list -> !list.isEmpty()).get(0);
        assertThat(invitation.language()).isEqualTo(other);

        // The invitee follows the mail's link: the page speaks the mail's language.
        chromium.newVisit();
        driver.get(invitation.invitationUrl().replace("http://localhost:8081", "http://localhost:" + port));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(other);
        assertNoViolations(driver, "set-password page (" + other + ")");
        driver.findElement(By.id("password")).sendKeys("a long chosen password");
        typeInNext("passwordAgain", "a long chosen password, not the same");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("button");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.id("passwordAgain-error")).getText())
                .contains(TEXT.get(other).get("different"));
        assertThat(driver.findElement(By.id("passwordAgain")).getAttribute("aria-describedby"))
                .contains("passwordAgain-error");
        assertNoViolations(driver, "set-password page with an error (" + other + ")");

        driver.findElement(By.id("password")).sendKeys("a long chosen password");
        typeInNext("passwordAgain", "a long chosen password");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(driver.getCurrentUrl()).contains("/organiser/login");
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains(TEXT.get(other).get("activated"));
        assertNoViolations(driver, "login after the password is set (" + other + ")");
        driver.findElement(By.id("username")).sendKeys(username);
        typeInNext("password", "a long chosen password");
        chromium.nextPageAfter(() -> driver.switchTo().activeElement().sendKeys(Keys.ENTER));
        assertThat(driver.getCurrentUrl()).endsWith("/organiser");

        // The link is used: a clear page, and a 410.
        chromium.newVisit();
        driver.get(invitation.invitationUrl().replace("http://localhost:8081", "http://localhost:" + port));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reason")));
        assertThat(driver.findElement(By.id("reason")).getText()).contains(TEXT.get(other).get("used"));
        assertNoViolations(driver, "used invitation (" + other + ")");
    }

    private static void typeInNext(String field, String text) {
        WebDriver driver = chromium.driver();
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo(field);
        driver.switchTo().activeElement().sendKeys(text);
    }

    private static void assertNoViolations(WebDriver driver, String what) {
        assertThat(Axe.run(driver)).as("axe-core on " + what).isEmpty();
    }

    private WebDriver logInAsOperator(String lang) {
        chromium.newVisit();
        WebDriver driver = chromium.driver();
        driver.get("http://localhost:" + port + "/organiser/accounts?lang=" + lang);
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("operator");
        driver.findElement(By.id("password")).sendKeys("operator");
        chromium.nextPageAfter(() -> driver.findElement(By.id("password")).sendKeys(Keys.ENTER));
        return driver;
    }
}
