package org.eforum.bench.api;

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

import tools.jackson.databind.JsonNode;

/** The stack's public HTTP APIs, as a client (or a proxy in front of the apps) sees them. */
public final class Stack {

    /** A finished exchange: the status and the body as text. */
    public record Answer(int status, String body) {
    }

    /** A conference's live counters from {@code GET /api/conferences/{id}}. */
    public record Seats(int capacity, int seatsLeft, int waitlistLength) {
    }

    /** The catcher's counters; both count deliveries, i.e. (mail, recipient) pairs. */
    public record MailStats(long messages, long duplicates) {
    }

    private final HttpClient http;
    private final String registration;
    private final String directory;
    private final String notification;
    private final String mailStats;
    private final String operator;
    private final String organiser;

    public Stack(String registrationUrl, String directoryUrl, String notificationUrl, String mailStatsUrl,
            String operator, String organiser) {
        // HTTP/1.1 as browsers and proxies speak to the apps; the client keeps one connection per busy thread.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.registration = registrationUrl;
        this.directory = directoryUrl;
        this.notification = notificationUrl;
        this.mailStats = mailStatsUrl;
        this.operator = basic(operator);
        this.organiser = basic(organiser);
    }

    public String registrationUrl() {
        return registration;
    }

    public Answer createConference(String body) throws IOException, InterruptedException {
        return send(post(registration + "/api/conferences", body).header("Authorization", organiser));
    }

    /** A public registration, arriving through a proxy from {@code clientAddress}. */
    public Answer register(String conferenceId, String body, String clientAddress)
            throws IOException, InterruptedException {
        return send(post(registration + "/api/conferences/" + conferenceId + "/registrations", body)
                .header("X-Forwarded-For", clientAddress));
    }

    /**
     * The participant confirms the registration's address (the button on their page), arriving through a proxy from
     * {@code clientAddress}: only then does the directory list a consenting person.
     */
    public Answer confirmAddress(String registrationId, String selfServiceUrl, String clientAddress)
            throws IOException, InterruptedException {
        String token = selfServiceUrl.substring(selfServiceUrl.indexOf("?token=") + "?token=".length());
        return send(post(registration + "/api/registrations/" + registrationId + "/confirm-address?token=" + token, "")
                .header("X-Forwarded-For", clientAddress));
    }

    public Answer conference(String conferenceId) throws IOException, InterruptedException {
        return send(get(registration + "/api/conferences/" + conferenceId));
    }

    public Seats seats(String conferenceId) throws IOException, InterruptedException {
        JsonNode c = Json.read(ok(conference(conferenceId)));
        return new Seats(c.path("capacity").asInt(), c.path("seatsLeft").asInt(), c.path("waitlistLength").asInt());
    }

    /** The organiser's list: every registration of the conference with its id and status. */
    public JsonNode registrations(String conferenceId) throws IOException, InterruptedException {
        return Json.read(ok(send(get(registration + "/api/conferences/" + conferenceId + "/registrations")
                .header("Authorization", organiser))));
    }

    /** Documents still owing Kafka an event, summed over the outbox collections (OutboxStatus.Report). */
    public long outboxPending() throws IOException, InterruptedException {
        JsonNode report = Json.read(ok(send(get(registration + "/api/operations/outbox")
                .header("Authorization", operator))));
        long pending = 0;
        for (JsonNode collection : report.path("collections")) {
            pending += collection.path("pending").asLong();
        }
        return pending;
    }

    /**
     * Registrations stored now, every status, from registration-service's {@code eforum.registrations} gauge
     * (Prometheus {@code eforum_registrations{status=…}}); null when the metric cannot be read.
     */
    public Long storedRegistrations() {
        return prometheusSum(registration, "eforum_registrations{");
    }

    /**
     * Mails SMTP accepted from notification-service ({@code eforum.mail.sent}, every kind): one per mail, not per
     * recipient. The stand-in for the catcher's stats while those do not exist.
     */
    public Long mailsSent() {
        return prometheusSum(notification, "eforum_mail_sent_total{");
    }

    private Long prometheusSum(String app, String series) {
        try {
            Answer answer = send(get(app + "/actuator/prometheus").setHeader("Accept", "text/plain")
                    .header("Authorization", operator));
            if (answer.status() != 200) {
                return null;
            }
            double sum = 0;
            boolean seen = false;
            for (String line : answer.body().split("\n")) {
                if (line.startsWith(series)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    seen = true;
                }
            }
            return seen ? Math.round(sum) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** How many listed people the public directory finds for the query (PageView.total). */
    public long listed(String query) throws IOException, InterruptedException {
        String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
        return Json.read(ok(send(get(directory + "/api/directory/stakeholders?size=1&q=" + q))))
                .path("total").asLong();
    }

    /** The catcher's stats, or empty while that endpoint does not exist (no catcher, or an older one). */
    public Optional<MailStats> mailStats() {
        try {
            Answer answer = send(get(mailStats).timeout(Duration.ofSeconds(2)));
            if (answer.status() != 200) {
                return Optional.empty();
            }
            JsonNode stats = Json.read(answer.body());
            if (!stats.has("messages")) {
                return Optional.empty();
            }
            return Optional.of(new MailStats(stats.path("messages").asLong(), stats.path("duplicates").asLong()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    public static List<String> idsOf(JsonNode registrations) {
        List<String> ids = new ArrayList<>();
        registrations.forEach(r -> ids.add(r.path("id").asString()));
        return ids;
    }

    private static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
    }

    private static String ok(Answer answer) throws IOException {
        if (answer.status() != 200) {
            throw new IOException("HTTP " + answer.status() + ": " + abbreviate(answer.body()));
        }
        return answer.body();
    }

    public static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
