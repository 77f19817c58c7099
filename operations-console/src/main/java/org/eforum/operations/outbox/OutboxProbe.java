package org.eforum.operations.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.eforum.operations.service.ConsoleSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the services that keep an outbox (registration-service) for it, with the console's operator credentials.
 * A service that does not answer is a 503; one that refuses the credentials or answers nonsense a 502.
 */
@Component
public class OutboxProbe {

    /** The services with an outbox endpoint, by their name in {@code eforum.console.services}. */
    static final List<String> SERVICES = List.of("registration-service");
    static final String PATH = "/api/operations/outbox";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ConsoleSettings settings;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public OutboxProbe(ConsoleSettings settings) {
        this.settings = settings;
        ConsoleSettings.Credentials credentials = settings.credentials();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
    }

    public List<OutboxView> all() {
        return SERVICES.stream().filter(settings.services()::containsKey)
                .map(name -> probe(name, settings.services().get(name))).toList();
    }

    private OutboxView probe(String name, URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(PATH)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Authorization", authorization).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, name + " unreachable",
                    name + " at " + base + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, name + " unreachable", "Interrupted");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw problem(HttpStatus.BAD_GATEWAY, name + " refused the console's credentials",
                    name + " answered " + response.statusCode() + " to eforum.console.credentials.username '"
                            + settings.credentials().username() + "'; it needs an OPERATOR account there.");
        }
        if (response.statusCode() != 200) {
            throw problem(response.statusCode() >= 500 ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY,
                    name + " outbox unavailable", name + " answered " + response.statusCode() + " on " + PATH);
        }
        try {
            Report report = JSON.readValue(response.body(), Report.class);
            return new OutboxView(name, base, report.checkedAt(), report.collections() == null ? List.of()
                    : report.collections());
        } catch (JacksonException e) {
            throw problem(HttpStatus.BAD_GATEWAY, name + " outbox unreadable", e.getOriginalMessage());
        }
    }

    private record Report(Instant checkedAt, List<OutboxView.CollectionOutbox> collections) {
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
