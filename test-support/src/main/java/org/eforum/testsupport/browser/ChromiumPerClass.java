package org.eforum.testsupport.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One {@link HeadlessChromium} for all tests of a class, started before the first and closed after the last:
 * {@code @RegisterExtension static final ChromiumPerClass chromium = new ChromiumPerClass();}. Starting a browser
 * takes seconds, so the tests share it and begin each visit with {@link #newVisit()}. With the class guarded by
 * {@code @EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")} nothing starts where Chromium
 * is missing.
 */
public final class ChromiumPerClass implements BeforeAllCallback, AfterAllCallback {

    private HeadlessChromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = HeadlessChromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    public HeadlessChromium browser() {
        if (chromium == null) {
            throw new IllegalStateException("Chromium runs only while the test class does: register this extension "
                    + "on a static field with @RegisterExtension");
        }
        return chromium;
    }

    public WebDriver driver() {
        return browser().driver();
    }

    /** See {@link HeadlessChromium#waiting()}. */
    public WebDriverWait waiting() {
        return browser().waiting();
    }

    /** See {@link HeadlessChromium#nextPageAfter(Runnable)}. */
    public void nextPageAfter(Runnable action) {
        browser().nextPageAfter(action);
    }

    /** See {@link HeadlessChromium#newVisit()}. */
    public void newVisit() {
        browser().newVisit();
    }
}
