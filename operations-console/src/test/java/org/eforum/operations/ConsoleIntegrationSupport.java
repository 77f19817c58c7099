package org.eforum.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console on a fixed free port with a real Kafka broker (KRaft), watching itself (an app that answers), a
 * closed port (one that does not) and a stand-in for registration-service's outbox endpoint. Every test class
 * that extends it adds no configuration of its own, so they share one Spring context and one broker; each one
 * uses its own topics and groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        // Passwords as a deployment gives them: bcrypt hashes (cost 4, cheap to check) of "operator-pw" and "organiser-pw".
        "eforum.security.accounts[0].username=operator", "eforum.security.accounts[0].password={bcrypt}$2a$04$k4z2952UX5opWWb4X4sD3Oa/l.hb1jcLbttcq5VE3GefIKtaGmYZi",
        "eforum.security.accounts[0].roles[0]=OPERATOR",
        "eforum.security.accounts[1].username=organiser", "eforum.security.accounts[1].password={bcrypt}$2a$04$0d3BS60ha6mn4PjVdt48Eekn0jmgdeaQz2PQIfc2fi7/69I4SV01W",
        "eforum.security.accounts[1].roles[0]=ORGANISER",
        "eforum.console.credentials.username=operator", "eforum.console.credentials.password=operator-pw",
        "eforum.console.sample-interval=300ms",
        "eforum.console.services.nowhere=http://localhost:1"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = "group.initial.rebalance.delay.ms=0")
public abstract class ConsoleIntegrationSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final int PORT = freePort();
    protected static final RegistrationServiceStub REGISTRATION_SERVICE = new RegistrationServiceStub();
    protected static final NotificationServiceStub NOTIFICATION_SERVICE = new NotificationServiceStub();

    protected final HttpClient http = HttpClient.newHttpClient();

    /** A fixed port known before the context starts, so the console can be told to watch itself. */
    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("eforum.console.services.itself", () -> "http://localhost:" + PORT);
        registry.add("eforum.console.services.registration-service", REGISTRATION_SERVICE::url);
        registry.add("eforum.console.services.notification-service", NOTIFICATION_SERVICE::url);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    protected String bootstrapServers;

    /**
     * This context's own broker. Not {@code ${spring.kafka.bootstrap-servers}}: EmbeddedKafka keeps that as a
     * system property, which the next context's broker overwrites, and a cached context would then hand its tests
     * another context's broker.
     */
    @Autowired
    void useBroker(EmbeddedKafkaBroker broker) {
        bootstrapServers = broker.getBrokersAsString();
    }

    protected HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET as the operator; fails unless the answer is 200. */
    protected JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path, "operator", "operator-pw");
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
