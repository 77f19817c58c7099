package org.eforum.localstack.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A steady stream of registrations to one conference, one every {@code interval}, sent in turn to each
 * registration-service instance, each from a client address of its own (so no rate limit bites), and each 201
 * followed by the participant's address confirmation, as the button on their page sends it. What was answered is
 * kept for the checks: a registration counts as accepted only when it was answered 201.
 */
final class RegistrationStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** One participant as sent: consenting to the directory or not. */
    record Participant(int number, String email, String lastName, boolean listInDirectory) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String conferenceId;
    private final String tag;
    private final Supplier<List<String>> registrationUrls;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(8);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, Participant> accepted = new ConcurrentHashMap<>(); // registration id → participant
    private final Map<String, Participant> addressConfirmed = new ConcurrentHashMap<>();
    private final Map<Integer, Participant> unanswered = new ConcurrentHashMap<>(); // no 201 (maybe stored)

    /**
     * @param tag              a word of letters only, the participants' last names start with it (the directory
     *                         is searched for it)
     * @param registrationUrls the registration-service instances' base URLs, asked at each send (an instance
     *                         restarted keeps its port)
     */
    RegistrationStream(String conferenceId, String tag, Supplier<List<String>> registrationUrls) {
        this.conferenceId = conferenceId;
        this.tag = tag;
        this.registrationUrls = registrationUrls;
    }

    RegistrationStream start(Duration interval) {
        clock.scheduleAtFixedRate(() -> senders.submit(this::registerOne), 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops sending; the requests in flight are answered (or time out) first. */
    void stop() throws InterruptedException {
        clock.shutdownNow();
        clock.awaitTermination(10, TimeUnit.SECONDS);
        senders.shutdown();
        if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
            senders.shutdownNow(); // queued behind a dead instance: never sent, so never counted
            senders.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private void registerOne() {
        int number = next.incrementAndGet();
        Participant participant = new Participant(number, tag.toLowerCase() + "-" + "%05d".formatted(number)
                + "@faults.test", tag + "%05d".formatted(number), number % 3 != 0);
        List<String> urls = registrationUrls.get();
        String baseUrl = urls.get(number % urls.size());
        sent.incrementAndGet();
        unanswered.put(number, participant);
        try {
            HttpResponse<String> response = send(baseUrl, "/api/conferences/" + conferenceId + "/registrations", """
                    {"firstName": "Petar", "lastName": "%s", "email": "%s", "organisation": "Faults %s",
                     "stakeholderType": "ACADEMIA", "country": "BG", "language": "en",
                     "consents": {"dataProcessing": true, "listInDirectory": %s, "joinExpertsNetwork": false}}
                    """.formatted(participant.lastName(), participant.email(), tag, participant.listInDirectory()));
            if (response.statusCode() != 201) {
                return;
            }
            JsonNode registration = JSON.readTree(response.body());
            String id = registration.get("id").asString();
            unanswered.remove(number);
            accepted.put(id, participant);
            String link = registration.get("selfServiceUrl").asString();
            HttpResponse<String> confirmation = send(baseUrl, "/api/registrations/" + id + "/confirm-address"
                    + link.substring(link.indexOf("?token=")), "");
            if (confirmation.statusCode() == 200) {
                addressConfirmed.put(id, participant);
            }
        } catch (Exception e) {
            // refused, reset or timed out under the fault: not answered 201, or not confirmed
        }
    }

    private HttpResponse<String> send(String baseUrl, String path, String json) throws Exception {
        int client = CLIENTS.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.18." + ((client >> 8) & 255) + "." + (client & 255))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    int sent() {
        return sent.get();
    }

    int acceptedCount() {
        return accepted.size();
    }

    Map<String, Participant> accepted() {
        return Map.copyOf(accepted);
    }

    Map<String, Participant> addressConfirmed() {
        return Map.copyOf(addressConfirmed);
    }

    /** Sent but never answered 201: they may be stored all the same (the answer was lost), or not. */
    Map<Integer, Participant> unanswered() {
        return Map.copyOf(unanswered);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
