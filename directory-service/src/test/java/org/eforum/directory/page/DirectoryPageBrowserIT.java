package org.eforum.directory.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.util.List;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.AbstractDirectoryIT;
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
 * The directory pages in a real headless Chromium (Debian's chromium and chromium-driver, which {@code .ci/run}
 * installs), in Bulgarian and English: search in both scripts, the type and country filters, an organisation's
 * page and the experts' network, each checked by axe-core for serious or critical WCAG 2.2 AA violations.
 * Skipped where Chromium is not installed.
 */
@EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")
class DirectoryPageBrowserIT extends AbstractDirectoryIT {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    private final ConferenceSnapshot forum = conference(unique("browser-"), "Browser Forum");

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void aVisitorSearchesFiltersOpensAnOrganisationAndTheExpertsNetwork(String lang) {
        String marker = uniqueWord("brw");
        String institute = "Институт " + marker;
        Participant ivan = person("Иван", "Петров").organisation(institute).type(StakeholderType.ACADEMIA)
                .country("BG").position("Researcher").expertsNetwork(true).build();
        Participant maria = person("Maria", "Popova").organisation(institute).type(StakeholderType.CIVIL_SOCIETY)
                .country("BG").build();
        Participant georgi = person("Georgi", "Dimitrov").organisation("Media " + marker).type(StakeholderType.MEDIA)
                .country("RO").build();
        Participant hidden = person("Skrit", "Chovek").organisation(institute).listed(false).build();
        List.of(ivan, maria, georgi, hidden).forEach(p -> publishOptedIn(confirmed(unique("reg-"), p, forum)));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> get("/directory?lang=en&q=" + encode(marker)).body().contains("3 found"));

        WebDriver driver = open("/directory?lang=" + lang);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo(lang.equals("bg") ? "Регистър на заинтересованите страни" : "Stakeholder directory");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("class")).as("Tab reaches the skip link first")
                .contains("skip-link");
        Axe.assertNoSeriousViolations(driver, "directory (" + lang + ")");

        // Free text, typed and sent with Enter.
        search(driver, marker, "", "");
        assertThat(summary(driver)).isEqualTo(count(lang, 3));
        assertThat(names(driver)).containsExactlyInAnyOrder("Иван Петров", "Maria Popova", "Georgi Dimitrov");
        assertThat(driver.getPageSource()).doesNotContain("Chovek", "@example.org");
        Axe.assertNoSeriousViolations(driver, "directory search results (" + lang + ")");

        // The other script: a Cyrillic query in Bulgarian, a Latin one (transliterated) in English.
        search(driver, (lang.equals("bg") ? "петров " : "petrov ") + marker, "", "");
        assertThat(summary(driver)).isEqualTo(count(lang, 1));
        assertThat(names(driver)).containsExactly("Иван Петров");

        // Filters: by country, then by type; the query stays in the form.
        search(driver, marker, "", "RO");
        assertThat(names(driver)).containsExactly("Georgi Dimitrov");
        assertThat(new Select(driver.findElement(By.id("country"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("RO");
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(marker);
        search(driver, marker, "ACADEMIA", "");
        assertThat(names(driver)).containsExactly("Иван Петров");
        assertThat(new Select(driver.findElement(By.id("type"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("ACADEMIA");
        Axe.assertNoSeriousViolations(driver, "directory filtered by type (" + lang + ")");

        // The organisation's page lists its listed people only.
        WebElement organisationLink = driver.findElement(By.cssSelector(".result-list a[href^='/directory/organisations/']"));
        assertThat(organisationLink.getText()).isEqualTo(institute);
        chromium.nextPageAfter(() -> organisationLink.sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(institute);
        assertThat(names(driver)).containsExactlyInAnyOrder("Иван Петров", "Maria Popova");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as("the language is kept")
                .isEqualTo(lang);
        Axe.assertNoSeriousViolations(driver, "organisation page (" + lang + ")");

        // The experts' network, reached through the site's navigation.
        WebElement expertsLink = driver.findElement(By.cssSelector(".site-nav a[href='/directory/experts']"));
        chromium.nextPageAfter(() -> expertsLink.sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo(lang.equals("bg") ? "Експертна мрежа" : "Experts' network");
        Axe.assertNoSeriousViolations(driver, "experts' network (" + lang + ")");
        search(driver, marker, "", "");
        assertThat(summary(driver)).isEqualTo(count(lang, 1));
        assertThat(names(driver)).containsExactly("Иван Петров");
        Axe.assertNoSeriousViolations(driver, "experts' network search results (" + lang + ")");
    }

    @ParameterizedTest(name = "lang={0}")
    @ValueSource(strings = {"bg", "en"})
    void badFiltersAreExplainedBesideTheirFieldsAccessibly(String lang) {
        WebDriver driver = open("/directory?lang=" + lang + "&type=WIZARD&country=XX");

        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-summary")));
        for (String id : List.of("type", "country")) {
            WebElement error = driver.findElement(By.id(id + "-error"));
            assertThat(error.isDisplayed()).isTrue();
            assertThat(error.findElement(By.xpath("..")).findElements(By.id(id))).as("beside %s", id).hasSize(1);
            assertThat(driver.findElement(By.id(id)).getAttribute("aria-describedby")).contains(id + "-error");
        }
        Axe.assertNoSeriousViolations(driver, "directory with bad filters (" + lang + ")");
    }

    private WebDriver open(String pathAndQuery) {
        chromium.newVisit();
        WebDriver driver = chromium.driver();
        driver.get(uri(pathAndQuery).toString());
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        return driver;
    }

    /** Fills the search form as a keyboard user would and sends it with Enter in the text field. */
    private static void search(WebDriver driver, String q, String type, String country) {
        new Select(driver.findElement(By.id("type"))).selectByValue(type);
        new Select(driver.findElement(By.id("country"))).selectByValue(country);
        WebElement text = driver.findElement(By.id("q"));
        text.clear();
        chromium.nextPageAfter(() -> text.sendKeys(q, Keys.ENTER));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".results-summary")));
    }

    private static String summary(WebDriver driver) {
        return driver.findElement(By.cssSelector(".results-summary")).getText();
    }

    private static List<String> names(WebDriver driver) {
        return driver.findElements(By.cssSelector(".result h3")).stream().map(WebElement::getText).toList();
    }

    private static String count(String lang, int found) {
        return lang.equals("bg") ? "Намерени: " + found + ", страница 1 от 1" : found + " found, page 1 of 1";
    }
}
