package org.eforum.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eforum.registration.IntegrationSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Many participants press "register" at the same moment: capacity and one-registration-per-address still hold. */
class RegistrationConcurrencyIT extends IntegrationSupport {

    @Test
    void twentySimultaneousSubmissionsOfOneAddressMakeExactlyOneRegistration() {
        String conference = createConference("same-address", 50);

        List<HttpResponse<String>> responses = submitAtOnce(conference, 20,
                i -> registrationJson("Ana", "Petrova", i % 2 == 0 ? "ana@example.org" : "ANA@example.org"));

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnly(Map.entry(201, 1L), Map.entry(409, 19L));
        String winner = responses.stream().filter(r -> r.statusCode() == 201).map(r -> json(r).path("id").asString())
                .findFirst().orElseThrow();
        assertThat(responses.stream().filter(r -> r.statusCode() == 409)
                .map(r -> json(r).path("registrationId").asString())).containsOnly(winner);
        JsonNode seats = json(get("/api/conferences/" + conference, "application/json", null));
        assertThat(seats.path("seatsLeft").asInt()).isEqualTo(49);
        assertThat(seats.path("waitlistLength").asInt()).isZero();
    }

    @Test
    void thirtySimultaneousRegistrationsForTenSeatsConfirmTenAndWaitlistTwenty() {
        String conference = createConference("ten-seats", 10);

        List<HttpResponse<String>> responses = submitAtOnce(conference, 30,
                i -> registrationJson("Participant", "No" + i, "participant" + i + "@example.org"));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        Map<String, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(r -> json(r).path("status").asString(), Collectors.counting()));
        assertThat(byStatus).containsOnly(Map.entry("CONFIRMED", 10L), Map.entry("WAITLISTED", 20L));
        JsonNode seats = json(get("/api/conferences/" + conference, "application/json", null));
        assertThat(seats.path("seatsLeft").asInt()).isZero();
        assertThat(seats.path("waitlistLength").asInt()).isEqualTo(20);
        JsonNode stored = json(get("/api/conferences/" + conference + "/registrations", "application/json", ORGANISER));
        assertThat(stored.size()).isEqualTo(30);
    }

    /** Sends all bodies without waiting for any answer, so the requests overlap on the server. */
    private List<HttpResponse<String>> submitAtOnce(String conference, int count, Function<Integer, String> body) {
        List<CompletableFuture<HttpResponse<String>>> pending = IntStream.range(0, count)
                .mapToObj(i -> HttpRequest.newBuilder(url("/api/conferences/" + conference + "/registrations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.apply(i), StandardCharsets.UTF_8)).build())
                .map(request -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .toList();
        return pending.stream().map(CompletableFuture::join).toList();
    }
}
