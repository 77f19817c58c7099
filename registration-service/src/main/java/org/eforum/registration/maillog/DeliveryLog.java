package org.eforum.registration.maillog;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A registration's mails from notification-service's delivery log. The page must render whatever that service
 * does, so every failure (not configured, unreachable, slow, refused, unreadable) is an empty answer and a log line,
 * never an exception; the waits are short ({@link NotificationApiSettings#timeout}).
 */
@Component
public class DeliveryLog {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final NotificationApiSettings settings;
    private final HttpClient http;

    DeliveryLog(NotificationApiSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** The registration's mails, oldest first; empty when the log could not be read. */
    public Optional<List<MailDelivery>> of(String registrationId) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        URI uri = URI.create(settings.url() + "/api/notifications?registrationId="
                + URLEncoder.encode(registrationId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "application/json").header("Authorization", authorization()).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("Delivery log of registration {}: notification-service answered {}", registrationId,
                        response.statusCode());
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(response.body(), new TypeReference<List<MailDelivery>>() { }));
        } catch (IOException | JacksonException e) {
            log.warn("Delivery log of registration {} unavailable: {}", registrationId, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    }
}
