package org.eforum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** A deployment's hashed password logs in over HTTP Basic like the local profile's plain one. */
class ConfiguredAccountsOverHttpTest {

    // A bcrypt hash (cost 4) of "s3cret-organiser", as `htpasswd -bnBC 4 "" s3cret-organiser` prints it ($2y$).
    private static final String HASH = "{bcrypt}$2y$04$jWTiVfeJPwT172QMR0L3auKQI1f2rzDKauUaSkFIPWDV0Bm.N4sM6";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBcryptPasswordLogsInWithBasicAuthAndAWrongOneDoesNot() throws Exception {
        try (ConfigurableApplicationContext app = AccountsTestApp.builder(
                "eforum.security.accounts[0].username=organiser", "eforum.security.accounts[0].password=" + HASH,
                "eforum.security.accounts[0].roles[0]=ORGANISER").run()) {
            assertThat(get(app, "organiser", "s3cret-organiser").statusCode()).isEqualTo(200);
            assertThat(get(app, "organiser", "s3cret-organiser").body()).isEqualTo("hello");
            assertThat(get(app, "organiser", "organiser").statusCode()).isEqualTo(401);
            assertThat(get(app, "organiser", HASH).statusCode()).as("the hash itself is no password").isEqualTo(401);
        }
    }

    @Test
    void theLocalProfilesOrganiserLogsInWithTheContractsPassword() throws Exception {
        try (ConfigurableApplicationContext app = AccountsTestApp.builder().profiles("local").run()) {
            assertThat(get(app, "organiser", "organiser").statusCode()).isEqualTo(200);
            assertThat(get(app, "organiser2", "organiser2").statusCode()).isEqualTo(200);
            assertThat(get(app, "operator", "operator").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(ConfigurableApplicationContext app, String username, String password)
            throws Exception {
        Environment environment = app.getEnvironment();
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + environment.getProperty("local.server.port") + "/hello"))
                .header("Authorization", "Basic " + credentials).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
