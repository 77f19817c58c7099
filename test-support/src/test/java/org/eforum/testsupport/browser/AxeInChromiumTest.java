package org.eforum.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The helpers themselves: Chromium starts from Debian's executables, and axe finds what it must find. */
@EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")
class AxeInChromiumTest {

    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aPageWithAnUnlabelledInputAndAnImageWithoutTextFails() {
        show("<!DOCTYPE html><html><head><title>Broken</title></head><body><main><h1>Broken</h1>"
                + "<input type=\"text\" name=\"x\"><img src=\"x.png\"></main></body></html>");

        List<Axe.Violation> violations = Axe.run(chromium.driver());

        assertThat(violations).extracting(Axe.Violation::id).contains("html-has-lang", "label", "image-alt");
        assertThatThrownBy(() -> Axe.assertNoSeriousViolations(chromium.driver(), "broken page"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("label").hasMessageContaining("input");
    }

    @Test
    void aLabelledPageInItsLanguagePasses() {
        show("<!DOCTYPE html><html lang=\"en\"><head><title>Fine</title></head><body><main><h1>Fine</h1>"
                + "<label for=\"x\">Name</label><input id=\"x\" type=\"text\" name=\"x\"></main></body></html>");

        assertThat(Axe.assertNoSeriousViolations(chromium.driver(), "fine page")).noneMatch(Axe.Violation::serious);
    }

    private static void show(String html) {
        chromium.driver().get("data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
