package org.eforum.operations.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.eforum.operations.OperationsConsoleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Console instances started by a test, each on a free port, with their settings as command-line arguments (which
 * win over the JVM-wide {@code spring.kafka.bootstrap-servers} that another test's embedded broker may have set).
 */
final class ConsoleInstances implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(300);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    ConfigurableApplicationContext start(String kafka) {
        ConfigurableApplicationContext console = new SpringApplicationBuilder(OperationsConsoleApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + kafka, "--server.port=0",
                        "--eforum.console.sample-interval=" + INTERVAL.toMillis() + "ms",
                        // bcrypt (cost 4) of "operator-pw", as a deployment gives it
                        "--eforum.security.accounts[0].username=operator",
                        "--eforum.security.accounts[0].password={bcrypt}$2a$04$k4z2952UX5opWWb4X4sD3Oa/l.hb1jcLbttcq5VE3GefIKtaGmYZi",
                        "--eforum.security.accounts[0].roles[0]=OPERATOR",
                        "--eforum.console.credentials.username=operator",
                        "--eforum.console.credentials.password=operator-pw");
        started.add(console);
        return console;
    }

    static SamplerElection election(ConfigurableApplicationContext console) {
        return console.getBean(SamplerElection.class);
    }

    HttpResponse<String> get(ConfigurableApplicationContext console, String path) throws Exception {
        String port = console.getEnvironment().getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("operator:operator-pw".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /api/topics/history} of the samples topic's own series (a topic every sample has). */
    JsonNode history(ConfigurableApplicationContext console) throws Exception {
        HttpResponse<String> response = get(console, "/api/topics/history?topic=" + SamplesTopicConfig.SAMPLES);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The instants of a history's samples, oldest first. */
    static List<Instant> instants(JsonNode history) {
        List<Instant> instants = new ArrayList<>();
        for (JsonNode topic : history.get("topics")) {
            topic.get("samples").forEach(sample -> instants.add(Instant.parse(sample.get("at").asString())));
        }
        return instants;
    }

    @Override
    public void close() {
        started.forEach(ConfigurableApplicationContext::close);
    }
}
