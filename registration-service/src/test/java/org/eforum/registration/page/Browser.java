package org.eforum.registration.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does that matters to these pages: it keeps cookies (the session that holds the CSRF token, the
 * chosen language), follows redirects, sends the form's hidden {@code _csrf} back, and encodes the form as
 * {@code application/x-www-form-urlencoded}. No JavaScript is involved, as with the real pages.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final String acceptLanguage;

    private final String forwardedFor;

    public Browser(int port, String acceptLanguage) {
        this(port, acceptLanguage, null);
    }

    /** A browser behind a proxy that reports it as {@code forwardedFor} (null: none, the connection's address counts). */
    public Browser(int port, String acceptLanguage, String forwardedFor) {
        this.base = "http://localhost:" + port;
        this.acceptLanguage = acceptLanguage;
        this.forwardedFor = forwardedFor;
    }

    /**
     * The participant's fields as Ana Petrova (Open Society Institute, civil society, Bulgaria, English) fills them
     * in, only the required consent given: a mutable map in the form's order, for a test to add or change fields.
     */
    public static Map<String, String> participantForm(String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("firstName", "Ana");
        form.put("lastName", "Petrova");
        form.put("email", email);
        form.put("organisation", "Open Society Institute");
        form.put("position", "");
        form.put("stakeholderType", "CIVIL_SOCIETY");
        form.put("country", "BG");
        form.put("language", "en");
        form.put("consents.dataProcessing", "true");
        return form;
    }

    /** A browser logged in to the organisers' workspace through its login form, its pages in {@code language}. */
    public static Browser loggedInOrganiser(int port, String username, String password, String language) {
        Browser browser = new Browser(port, language);
        HttpResponse<String> landing = browser.fillInAndSubmit("/organiser/login",
                Map.of("username", username, "password", password));
        if (!landing.uri().getPath().equals("/organiser")) {
            throw new AssertionError("the login of " + username + " ended at " + landing.uri() + ", not /organiser");
        }
        return browser;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A download (CSV, a workbook): the bytes as they came, with this browser's session. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).setHeader("Accept", "*/*").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the form at {@code path}, then submits {@code fields} with the CSRF token the page carried. */
    public HttpResponse<String> fillInAndSubmit(String path, Map<String, String> fields) {
        HttpResponse<String> form = get(path);
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("no _csrf input in the form at " + path + ":\n" + form.body());
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", unescape(csrf.group(1)));
        return post(path, all);
    }

    /** Submits the first POST form of {@code page} (its action, its CSRF token), as pressing its button would. */
    public HttpResponse<String> submitFormOf(HttpResponse<String> page) {
        String form = tag(page.body(), "form", "method", "post")
                .orElseThrow(() -> new AssertionError("no POST form on " + page.uri() + ":\n" + page.body()));
        return submit(page, unescape(attribute(form, "action").orElseThrow()));
    }

    /** Submits the POST form of {@code page} whose action contains {@code actionPart} ("/cancel", "/confirm-address"). */
    HttpResponse<String> submitFormOf(HttpResponse<String> page, String actionPart) {
        return submit(page, formAction(page.body(), actionPart)
                .orElseThrow(() -> new AssertionError("no form posting to …" + actionPart + " on " + page.uri())));
    }

    /** The action of the POST form whose action contains {@code actionPart}, unescaped. */
    static Optional<String> formAction(String html, String actionPart) {
        Matcher tags = Pattern.compile("<form\\b[^>]*>").matcher(html);
        while (tags.find()) {
            Optional<String> action = attribute(tags.group(), "action");
            if (tags.group().contains(" method=\"post\"") && action.filter(a -> a.contains(actionPart)).isPresent()) {
                return action;
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> submit(HttpResponse<String> page, String action) {
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no _csrf input on " + page.uri());
        }
        return post(action, Map.of("_csrf", unescape(csrf.group(1))));
    }

    /**
     * Submits a form of {@code page} to {@code action} with {@code fields} (a name may repeat, as ticked checkboxes
     * of one name do) and the CSRF token the page carried.
     */
    public HttpResponse<String> submit(HttpResponse<String> page, String action, List<Map.Entry<String, String>> fields) {
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no _csrf input on " + page.uri() + ":\n" + page.body());
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", unescape(csrf.group(1))));
        return post(action, all);
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, List.copyOf(fields.entrySet()));
    }

    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first start tag {@code <element …>} that has {@code attribute="value"}. */
    public static Optional<String> tag(String html, String element, String attribute, String value) {
        Matcher tags = Pattern.compile("<" + element + "\\b[^>]*>").matcher(html);
        String wanted = attribute + "=\"" + value + "\"";
        while (tags.find()) {
            if (tags.group().contains(" " + wanted)) {
                return Optional.of(tags.group());
            }
        }
        return Optional.empty();
    }

    /** The value of an attribute in a start tag, unescaped; empty when absent. */
    public static Optional<String> attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? Optional.of(unescape(value.group(1))) : Optional.empty();
    }

    /** The text of the element with the given id, tags removed and whitespace collapsed. */
    public static Optional<String> textOf(String html, String id) {
        Matcher element = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                .matcher(html);
        return element.find()
                ? Optional.of(unescape(element.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip()))
                : Optional.empty();
    }

    public static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
