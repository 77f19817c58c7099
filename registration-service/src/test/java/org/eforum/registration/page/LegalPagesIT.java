package org.eforum.registration.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.registration.page.Browser.tag;

import java.util.List;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.legal.PrivacyNotice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.bson.Document;

/**
 * A public body's pages: the privacy notice (GDPR Art. 13) and the accessibility statement, in both languages,
 * naming the organiser configured; linked from every page and beside the consent boxes; and each registration
 * keeps the consent as given, with the notice's version.
 */
class LegalPagesIT extends IntegrationSupport {

    @Autowired
    MongoTemplate mongo;

    @Test
    void thePrivacyNoticeNamesTheConfiguredOrganiserAndItsVersionInBothLanguages() {
        String english = new Browser(port, "en").get("/privacy").body();
        String bulgarian = new Browser(port, "en").get("/privacy?lang=bg").body();

        assertThat(english).contains("Privacy notice", "Version " + PrivacyNotice.VERSION,
                "The controller of your data is Ministry of Labour and Social Policy.", "mailto:dpo@mlsp.example.bg",
                "Your rights", "Commission for Personal Data Protection");
        assertThat(tag(bulgarian, "html", "lang", "bg")).isPresent();
        assertThat(bulgarian).contains("Уведомление за поверителност", "Версия " + PrivacyNotice.VERSION,
                "Администратор на данните ви е Ministry of Labour and Social Policy.", "Вашите права");
    }

    @Test
    void theAccessibilityStatementSaysHowToReportABarrierInBothLanguages() {
        String english = new Browser(port, "en").get("/accessibility").body();
        String bulgarian = new Browser(port, "bg").get("/accessibility").body();

        assertThat(english).contains("Accessibility statement", "WCAG", "partially compliant",
                "mailto:dpo@mlsp.example.bg", "Enforcement");
        assertThat(bulgarian).contains("Декларация за достъпност", "частично съответстващи", "mailto:dpo@mlsp.example.bg");
    }

    @Test
    void everyPageLinksBothFromItsFooterAndTheFormBesideTheConsents() {
        String conference = createConference("legal", 10);
        Browser browser = new Browser(port, "en");
        for (String path : List.of("/", "/conferences/" + conference + "/register", "/conferences/nowhere/register",
                "/privacy", "/accessibility")) {
            String page = browser.get(path).body();
            String footer = page.substring(page.indexOf("<footer"));
            assertThat(footer).as(path).contains("href=\"/privacy\"", "href=\"/accessibility\"");
        }
        String form = browser.get("/conferences/" + conference + "/register").body();
        String consents = form.substring(form.indexOf("<legend>Consents"), form.indexOf("consents.joinExpertsNetwork"));
        assertThat(consents).contains("id=\"privacy-link\"", "href=\"/privacy\"", "Version " + PrivacyNotice.VERSION);
    }

    @Test
    void aRegistrationKeepsTheConsentAsGivenWithTheNoticesVersion() {
        String conference = createConference("consent", 10);
        String id = json(register(conference, registrationJson("Ana", "Petrova", "ana.consent@example.org")))
                .get("id").asString();

        Document consent = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "registrations")
                .get("consent", Document.class);

        assertThat(consent.getString("noticeVersion")).isEqualTo(PrivacyNotice.VERSION);
        assertThat(consent.getString("language")).isEqualTo("en");
        assertThat(consent.getString("text")).startsWith("I agree that the organisers process my data")
                .endsWith("(Privacy notice, version " + PrivacyNotice.VERSION + ".)");
        assertThat(consent.get("givenAt")).isNotNull();
    }
}
