package org.eforum.testsupport.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's accessibility engine, the npm package's {@code axe.min.js}) run in the page that the browser
 * shows, limited to the WCAG 2.0, 2.1 and 2.2 A and AA rules.
 *
 * <pre>{@code Axe.assertNoSeriousViolations(chromium.driver(), "registration form (en)");}</pre>
 */
public final class Axe {

    /** The rule tags of WCAG 2.2 level AA (and everything below it). */
    public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** The impacts that fail a test; "moderate" and "minor" are reported only. */
    public static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

    private static final String RESOURCE = "axe.min.js";
    private static volatile String source;

    private static final String RUN = """
            var tags = arguments[0], done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
              .then(function (results) {
                done({version: axe.version, violations: results.violations.map(function (v) {
                  return {id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(function (n) {
                      return {target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary || ''};
                    })};
                })});
              })
              .catch(function (e) { done({error: String(e && e.stack || e)}); });
            """;

    private Axe() {
    }

    /** One rule that the page breaks, with every element that breaks it. */
    public record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {

        public boolean serious() {
            return FAILING_IMPACTS.contains(impact);
        }

        @Override
        public String toString() {
            return "[" + impact + "] " + id + ": " + help + " (" + helpUrl + ")" + nodes.stream()
                    .map(node -> "\n    at " + node.target() + " " + node.html()
                            + "\n       " + node.summary().replace("\n", "\n       "))
                    .collect(Collectors.joining());
        }
    }

    public record Node(String target, String html, String summary) {
    }

    /** Runs axe on the current page with the {@link #WCAG_22_AA} rules and returns every violation. */
    @SuppressWarnings("unchecked")
    public static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(RUN, WCAG_22_AA);
        if (result.containsKey("error")) {
            throw new IllegalStateException("axe failed on " + driver.getCurrentUrl() + ": " + result.get("error"));
        }
        return ((List<Map<String, Object>>) result.get("violations")).stream()
                .map(v -> new Violation(text(v.get("id")), text(v.get("impact")), text(v.get("help")),
                        text(v.get("helpUrl")), ((List<Map<String, Object>>) v.get("nodes")).stream()
                                .map(n -> new Node(text(n.get("target")), text(n.get("html")), text(n.get("summary"))))
                                .toList()))
                .toList();
    }

    /**
     * Fails when axe finds a serious or critical violation on the current page; prints the lesser ones. Returns
     * every violation found.
     */
    public static List<Violation> assertNoSeriousViolations(WebDriver driver, String what) {
        List<Violation> violations = run(driver);
        String where = what + " <" + driver.getCurrentUrl() + ">";
        List<Violation> serious = violations.stream().filter(Violation::serious).toList();
        List<Violation> lesser = violations.stream().filter(v -> !v.serious()).toList();
        if (!lesser.isEmpty()) {
            System.out.println("axe: " + where + " has " + lesser.size() + " moderate/minor violation(s):\n  "
                    + lesser.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
        if (!serious.isEmpty()) {
            throw new AssertionError("axe: " + where + " has " + serious.size()
                    + " serious/critical WCAG 2.2 AA violation(s):\n  "
                    + serious.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
        return violations;
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    private static String source() {
        String loaded = source;
        if (loaded == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath (com.deque.html.axe-core:selenium)");
                }
                loaded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            source = loaded;
        }
        return loaded;
    }
}
