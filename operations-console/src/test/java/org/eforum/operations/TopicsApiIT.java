package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "eforum.security.accounts[0].username=operator", "eforum.security.accounts[0].password=operator-pw",
        "eforum.security.accounts[0].roles[0]=OPERATOR",
        "eforum.security.accounts[1].username=organiser", "eforum.security.accounts[1].password=organiser-pw",
        "eforum.security.accounts[1].roles[0]=ORGANISER",
        "eforum.console.services.nowhere=http://localhost:1"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TopicsApiIT {

    private static final int PORT = freePort();

    private final HttpClient http = HttpClient.newHttpClient();

    /** A fixed port known before the context starts, so the console can be told to watch itself. */
    @DynamicPropertySource
    static void watchItself(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("eforum.console.services.itself", () -> "http://localhost:" + PORT);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void operatorSeesEveryTopicWithItsEndOffsets() throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(Topics.REGISTRATIONS, "key-" + i, "value")).get();
            }
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/topics", "operator", "operator-pw");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("\"name\":\"eforum.registrations\"")
                    .contains("\"name\":\"eforum.conferences\"")
                    .contains("\"name\":\"eforum.registrations-dlt\"")
                    .contains("\"partitionCount\":3")
                    .contains("\"messages\":5");
        });
    }

    @Test
    void operatorSeesTheHealthOfEveryWatchedApp() throws Exception {
        // This console itself stands in for an app that answers; a closed port for one that does not.
        HttpResponse<String> response = get("/api/services", "operator", "operator-pw");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("{\"name\":\"itself\",\"url\":\"http://localhost:" + port + "\",\"status\":\"UP\","
                        + "\"liveness\":\"UP\",\"readiness\":\"UP\"}")
                .contains("{\"name\":\"nowhere\",\"url\":\"http://localhost:1\",\"status\":\"UNREACHABLE\"");
        assertThat(get("/api/services", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anonymousAndOrganiserCallersAreRefused() throws Exception {
        assertThat(get("/api/topics", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/topics", "organiser", "organiser-pw").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
