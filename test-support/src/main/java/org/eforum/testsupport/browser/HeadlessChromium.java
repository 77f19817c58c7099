package org.eforum.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for page tests: Debian's {@code chromium} and {@code chromium-driver} packages
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; {@code .ci/run} installs them when missing). Both
 * executables are named explicitly, so Selenium Manager never runs and nothing is downloaded. The flags keep
 * Chromium off the network (this build network is closed) and the profile is a fresh temporary directory.
 *
 * <p>Tests guard themselves with {@code @EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")}
 * so they are skipped, not failed, on a machine without Chromium. The system properties {@code eforum.chromium}
 * and {@code eforum.chromedriver} point elsewhere if needed.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("eforum.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("eforum.chromedriver", "/usr/bin/chromedriver"));

    /** How long a test waits for something to appear on a page. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    /**
     * Selenium warns at every start that it has no DevTools (CDP) binding for this Chromium version; these tests use
     * WebDriver only, so that warning is noise. Kept in a field: java.util.logging holds loggers weakly.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
            Logger.getLogger("org.openqa.selenium.chromium"));

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** For {@code @EnabledIf}: both executables are installed. */
    public static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static HeadlessChromium start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("eforum-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--disable-default-apps",
                "--no-default-browser-check", "--window-size=1280,1024", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
        return new HeadlessChromium(service, driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** A wait for a condition on the current page, with {@link #PATIENCE}. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE);
    }

    /**
     * Does {@code action} (a click, Enter in a form) and waits until the browser shows the next page, fully loaded:
     * the old page's window object carries a mark that the new one has not. Works when the new page has the same
     * address as the old, where waiting for the URL would not.
     */
    public void nextPageAfter(Runnable action) {
        driver.executeScript("window.__eforumPreviousPage = true;");
        action.run();
        waiting().ignoring(org.openqa.selenium.JavascriptException.class).until(d -> Boolean.TRUE.equals(
                driver.executeScript("return window.__eforumPreviousPage === undefined"
                        + " && document.readyState === 'complete';")));
    }

    /** Forgets cookies (the session, the chosen language): the next page is a new visitor's. */
    public void newVisit() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
