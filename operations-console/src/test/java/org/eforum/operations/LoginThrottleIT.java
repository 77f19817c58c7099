package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Someone guessing a password on the sign-in form is stopped for a while after a few wrong ones. */
class LoginThrottleIT extends ConsoleIntegrationSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    // Not the operator: the other tests of this context sign in as the operator from the same address.
    private static final String GUESSED = "root";

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    @Test
    void afterFiveWrongPasswordsTheFormAnswersTooManyRequests() throws Exception {
        String token = csrfToken();
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = signIn(token, "guess-" + attempt);
            assertThat(wrong.statusCode()).as("attempt %d", attempt).isEqualTo(302);
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
        }

        HttpResponse<String> throttled = signIn(token, "guess-6");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private String csrfToken() throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> signIn(String token, String password) throws Exception {
        String form = "username=" + GUESSED + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
