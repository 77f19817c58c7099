package org.eforum.operations.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Asks every watched app for its health, liveness and readiness, all at once, each with a short timeout. */
@Component
public class ServiceHealthProbe {

    static final String UNREACHABLE = "UNREACHABLE";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConsoleSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public ServiceHealthProbe(ConsoleSettings settings) {
        this.settings = settings;
    }

    public List<ServiceHealth> all() {
        List<CompletableFuture<ServiceHealth>> probes = settings.services().entrySet().stream()
                .map(service -> CompletableFuture.supplyAsync(() -> probe(service.getKey(), service.getValue())))
                .toList();
        return probes.stream().map(CompletableFuture::join).sorted(Comparator.comparing(ServiceHealth::name)).toList();
    }

    private ServiceHealth probe(String name, URI base) {
        return new ServiceHealth(name, base, status(base, "/actuator/health"), status(base, "/actuator/health/liveness"),
                status(base, "/actuator/health/readiness"));
    }

    private String status(URI base, String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<?, ?> body = JSON.readValue(response.body(), Map.class);
            Object status = body.get("status");
            return status == null ? "HTTP " + response.statusCode() : status.toString();
        } catch (IOException | JacksonException e) {
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
    }
}
