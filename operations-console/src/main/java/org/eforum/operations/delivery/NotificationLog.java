package org.eforum.operations.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.eforum.operations.service.ConsoleSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads notification-service's delivery log with the console's operator credentials. A service that does not
 * answer is a 503; one that refuses the credentials or answers nonsense a 502, as for the outbox view.
 */
@Component
public class NotificationLog {

    static final String SERVICE = "notification-service";
    static final int LIMIT = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ConsoleSettings settings;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public NotificationLog(ConsoleSettings settings) {
        this.settings = settings;
        ConsoleSettings.Credentials credentials = settings.credentials();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** The latest deliveries matching the filter, newest first. */
    public List<DeliveryRow> recent(DeliveryFilter filter) {
        List<String> query = new ArrayList<>(List.of("limit=" + LIMIT));
        add(query, "conferenceId", filter.conferenceId());
        add(query, "status", filter.status());
        add(query, "recipient", filter.recipient());
        HttpResponse<String> response = get("/api/notifications/deliveries?" + String.join("&", query));
        expectOk(response);
        return read(response.body(), new TypeReference<List<DeliveryRow>>() { });
    }

    /** The mail a delivery sent; empty when none was kept (not sent yet, a digest, an erased participant). */
    public Optional<SentMail> mail(String deliveryId) {
        HttpResponse<String> response = get("/api/notifications/deliveries/"
                + URLEncoder.encode(deliveryId, StandardCharsets.UTF_8).replace("+", "%20") + "/mail");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expectOk(response);
        return Optional.of(read(response.body(), new TypeReference<SentMail>() { }));
    }

    private HttpResponse<String> get(String pathAndQuery) {
        URI base = settings.services().get(SERVICE);
        if (base == null) {
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, SERVICE + " not configured",
                    "Set eforum.console.services." + SERVICE + " (NOTIFICATION_SERVICE_URL).");
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Authorization", authorization).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, SERVICE + " unreachable",
                    SERVICE + " at " + base + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, SERVICE + " unreachable", "Interrupted");
        }
    }

    private void expectOk(HttpResponse<String> response) {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw problem(HttpStatus.BAD_GATEWAY, SERVICE + " refused the console's credentials",
                    SERVICE + " answered " + response.statusCode() + " to eforum.console.credentials.username '"
                            + settings.credentials().username() + "'; it needs an OPERATOR account there.");
        }
        if (response.statusCode() != 200) {
            throw problem(response.statusCode() >= 500 ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY,
                    "Delivery log unavailable", SERVICE + " answered " + response.statusCode());
        }
    }

    private static <T> T read(String body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JacksonException e) {
            throw problem(HttpStatus.BAD_GATEWAY, "Delivery log unreadable", e.getOriginalMessage());
        }
    }

    private static void add(List<String> query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
