package org.eforum.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Many participants press "register" or "cancel" at the same moment: capacity, one registration per address
 * and first-come-first-served promotion still hold, at the scale of a popular conference opening.
 */
class RegistrationConcurrencyIT extends IntegrationSupport {

    @Autowired
    Registrations registrations;

    @Test
    void twentySimultaneousSubmissionsOfOneAddressMakeExactlyOneRegistrationAndOneMailOfItsLink() {
        String conference = createConference("same-address", 50);

        List<HttpResponse<String>> responses = registerAtOnce(conference, 20,
                i -> registrationJson("Ana", "Petrova", i % 2 == 0 ? "ana@example.org" : "ANA@example.org"));

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnly(Map.entry(201, 1L), Map.entry(409, 19L));
        String winner = responses.stream().filter(r -> r.statusCode() == 201).map(r -> json(r).path("id").asString())
                .findFirst().orElseThrow();
        assertThat(responses.stream().filter(r -> r.statusCode() == 409).map(HttpResponse::body))
                .allSatisfy(body -> assertThat(body).doesNotContain(winner, "registrationId", "token"));
        assertSeats(conference, 49, 0);
        assertThat(json(get("/api/conferences/" + conference + "/registrations", "application/json", ORGANISER)).size())
                .isEqualTo(1);
        // However many repeats raced, the participant's link is mailed again once: every event they caused was
        // written before their 409, and is on Kafka once the registration's outbox is empty.
        await().atMost(Duration.ofSeconds(20)).until(() -> !registrations.find(winner).orElseThrow().outboxPending());
        assertThat(PublishedEvents.kindsOf(PublishedEvents.of(bootstrapServers, List.of(winner)), winner))
                .containsExactly("confirmed", "link-resent");
    }

    @Test
    void twoHundredSimultaneousRegistrationsForOneHundredTwentySeatsConfirmExactly120AndWaitlist80() {
        String conference = createConference("rush", 120);

        List<HttpResponse<String>> responses = registerAtOnce(conference, 200,
                i -> registrationJson("Participant", "No" + i, "participant" + i + "@example.org"));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        Map<String, Long> answered = responses.stream()
                .collect(Collectors.groupingBy(r -> json(r).path("status").asString(), Collectors.counting()));
        assertThat(answered).containsOnly(Map.entry("CONFIRMED", 120L), Map.entry("WAITLISTED", 80L));
        assertSeats(conference, 0, 80);
        Map<String, Long> stored = stream(json(get("/api/conferences/" + conference + "/registrations",
                "application/json", ORGANISER)))
                .collect(Collectors.groupingBy(r -> r.path("status").asString(), Collectors.counting()));
        assertThat(stored).containsOnly(Map.entry("CONFIRMED", 120L), Map.entry("WAITLISTED", 80L));
    }

    @Test
    void thirtySimultaneousCancellationsPromoteTheThirtyFirstInLineEachExactlyOnce() {
        String conference = createConference("cancel-rush", 40);
        List<JsonNode> confirmed = registerAtOnce(conference, 40,
                i -> registrationJson("Seated", "No" + i, "seated" + i + "@example.org")).stream()
                .map(IntegrationSupport::json).toList();
        registerAtOnce(conference, 40, i -> registrationJson("Waiting", "No" + i, "waiting" + i + "@example.org"));
        assertSeats(conference, 0, 40);
        List<String> waitingInLine = stream(json(get("/api/conferences/" + conference + "/registrations",
                "application/json", ORGANISER)))
                .filter(r -> r.path("status").asString().equals("WAITLISTED"))
                // As instants, not as text: ISO-8601 drops a zero fraction ("…:32Z" would sort after "…:32.001Z").
                .sorted(Comparator.comparing((JsonNode r) -> Instant.parse(r.path("registeredAt").asString()))
                        .thenComparing(r -> r.path("id").asString()))
                .map(r -> r.path("id").asString()).toList();

        List<HttpResponse<String>> cancellations = all(confirmed.subList(0, 30).stream()
                .map(r -> HttpRequest.newBuilder(url("/api/registrations/" + r.path("id").asString() + "/cancel?token="
                        + tokenOf(r.path("selfServiceUrl").asString()))).POST(HttpRequest.BodyPublishers.noBody()).build())
                .toList());

        assertThat(cancellations).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertSeats(conference, 0, 10);
        List<String> promoted = waitingInLine.stream()
                .filter(id -> registrations.find(id).orElseThrow().status().name().equals("CONFIRMED")).toList();
        assertThat(promoted).as("the thirty first in line, nobody else").isEqualTo(waitingInLine.subList(0, 30));
        assertThat(promoted).allSatisfy(id -> assertThat(registrations.find(id).orElseThrow().sequence())
                .as("waitlisted, then promoted once").isEqualTo(2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, waitingInLine);
            Map<String, Long> promotionsPerRegistration = events.stream().filter(e -> e.kind().equals("promoted"))
                    .collect(Collectors.groupingBy(PublishedEvents.Published::key, Collectors.counting()));
            assertThat(promotionsPerRegistration).hasSize(30).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
            assertThat(promotionsPerRegistration.keySet()).containsExactlyInAnyOrderElementsOf(promoted);
        });
    }

    private void assertSeats(String conference, int seatsLeft, int waitlistLength) {
        JsonNode seats = json(get("/api/conferences/" + conference, "application/json", null));
        assertThat(seats.path("seatsLeft").asInt()).as("seatsLeft").isEqualTo(seatsLeft);
        assertThat(seats.path("waitlistLength").asInt()).as("waitlistLength").isEqualTo(waitlistLength);
    }

    /** Sends all bodies without waiting for any answer, so the requests overlap on the server. */
    private List<HttpResponse<String>> registerAtOnce(String conference, int count, Function<Integer, String> body) {
        return all(IntStream.range(0, count)
                .mapToObj(i -> HttpRequest.newBuilder(url("/api/conferences/" + conference + "/registrations"))
                        .header("Content-Type", "application/json")
                        // Many clients at once, each through the proxy: the rate limit counts per client.
                        .header("X-Forwarded-For", nextClientAddress())
                        .POST(HttpRequest.BodyPublishers.ofString(body.apply(i), StandardCharsets.UTF_8)).build())
                .toList());
    }

    private List<HttpResponse<String>> all(List<HttpRequest> requests) {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (HttpRequest request : requests) {
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
