package org.eforum.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the integration tests do to the running service: HTTP calls as a participant or organiser, and the test
 * data they send. The Spring configuration (which Kafka, which store) is the subclass's.
 */
public abstract class ServiceTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String ORGANISER = "Basic "
            + Base64.getEncoder().encodeToString("organiser:organiser".getBytes(StandardCharsets.UTF_8));
    protected static final String OPERATOR = "Basic "
            + Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /**
     * A client address no test used before, from 198.18.0.0/15 (set aside for benchmarks, RFC 2544): as many
     * clients send the tests' registrations as would in real life, so only the tests about the rate limit meet it.
     */
    protected static String nextClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "198." + (18 + ((n >> 16) & 1)) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    protected URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A fresh conference id, so that tests sharing the store never collide. */
    protected static String newConferenceId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String conferenceJson(String id, int capacity, String registrationCloses) {
        LocalDate start = LocalDate.now().plusMonths(2);
        return """
                {"id": "%s",
                 "title": {"bg": "Форум за интеграция", "en": "Integration Forum"},
                 "venue": {"bg": "Национален дворец на културата", "en": "National Palace of Culture"},
                 "startDate": "%s", "endDate": "%s",
                 "city": "Sofia", "country": "BG", "capacity": %d,
                 "registrationCloses": %s,
                 "languages": ["bg", "en"],
                 "contact": {"name": "Мария Иванова", "email": "maria@eforum.example.org"},
                 "cc": ["team@eforum.example.org"],
                 "organiserNotifications": "IMMEDIATE"}
                """.formatted(id, start, start.plusDays(1), capacity,
                registrationCloses == null ? "null" : "\"" + registrationCloses + "\"");
    }

    protected static String registrationJson(String firstName, String lastName, String email) {
        return """
                {"firstName": "%s", "lastName": "%s", "email": "%s",
                 "organisation": "Open Society Institute", "stakeholderType": "CIVIL_SOCIETY",
                 "country": "BG", "position": "Researcher", "language": "en",
                 "consents": {"dataProcessing": true, "listInDirectory": true, "joinExpertsNetwork": false},
                 "notes": "Vegetarian lunch, please.\\nThank you."}
                """.formatted(firstName, lastName, email);
    }

    /** Creates a conference as the organiser and fails the test unless it was created. */
    protected String createConference(String prefix, int capacity) {
        String id = newConferenceId(prefix);
        HttpResponse<String> response = postJson("/api/conferences", conferenceJson(id, capacity, null), ORGANISER);
        if (response.statusCode() != 201) {
            throw new AssertionError("conference not created: " + response.statusCode() + " " + response.body());
        }
        return id;
    }

    /**
     * Two questions the corrections' tests answer and correct: interpretation (one of none and into-en, required)
     * and diet (short text, optional).
     */
    protected static final String INTERPRETATION_AND_DIET = """
            {"questions": [
              {"id": "interpretation", "kind": "ONE_OF", "required": true,
               "label": {"bg": "Превод", "en": "Interpretation"},
               "options": [{"id": "none", "label": {"bg": "Не", "en": "None"}},
                           {"id": "into-en", "label": {"bg": "На английски", "en": "Into English"}}]},
              {"id": "diet", "kind": "SHORT_TEXT", "label": {"bg": "Хранене", "en": "Diet"}}
            ]}
            """;

    /** Creates a conference as {@link #createConference} does, asking {@code questions}; fails the test unless set. */
    protected String createConferenceAsking(String prefix, int capacity, String questions) {
        String id = createConference(prefix, capacity);
        HttpResponse<String> set = putJson("/api/conferences/" + id + "/questions", questions, ORGANISER);
        if (set.statusCode() != 200) {
            throw new AssertionError("questions not set: " + set.statusCode() + " " + set.body());
        }
        return id;
    }

    /** A registration from a client of its own, as most are: the rate limit counts per client address. */
    protected HttpResponse<String> register(String conferenceId, String body) {
        return registerFrom(nextClientAddress(), conferenceId, body);
    }

    /** A registration from {@code clientAddress}, as the proxy in front of the service reports it. */
    protected HttpResponse<String> registerFrom(String clientAddress, String conferenceId, String body) {
        return postJson("/api/conferences/" + conferenceId + "/registrations", body, null, clientAddress);
    }

    /** A POST from a client of its own (a fresh {@code X-Forwarded-For} address, see {@link #nextClientAddress()}). */
    protected HttpResponse<String> postJson(String path, String body, String authorization) {
        return postJson(path, body, authorization, nextClientAddress());
    }

    protected HttpResponse<String> postJson(String path, String body, String authorization, String clientAddress) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                // The tests connect over loopback, a trusted proxy: the service believes this hop.
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** The Authorization header of HTTP Basic. */
    protected static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> putJson(String path, String body, String authorization) {
        return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json").header("Authorization", authorization)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** A new organiser account, created by the operator; fails the test unless it was created. */
    protected void createOrganiserAccount(String username, String password) {
        HttpResponse<String> created = postJson("/api/accounts", """
                {"username": "%s", "displayName": "Petya Georgieva", "email": "%s@eforum.example.org",
                 "password": "%s"}""".formatted(username, username, password), OPERATOR);
        if (created.statusCode() != 201) {
            throw new AssertionError("account not created: " + created.statusCode() + " " + created.body());
        }
    }

    protected HttpResponse<String> get(String path, String accept, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Accept", accept).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The field names of a problem's {@code errors}. */
    protected static List<String> errorFields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        json(response).path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    /** The token of a self-service link such as {@code http://…/registrations/{id}?token=abc}. */
    protected static String tokenOf(String selfServiceUrl) {
        return selfServiceUrl.substring(selfServiceUrl.indexOf("?token=") + "?token=".length());
    }
}
