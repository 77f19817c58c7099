package org.eforum.registration.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.eforum.registration.IntegrationSupport;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Public writes per client address and conference: ten a minute by default (the tests run with the defaults).
 * The client address is the {@code X-Forwarded-For} hop the tests send, believed because they connect over
 * loopback, a trusted proxy; {@link UntrustedProxyIT} shows the other side.
 */
class RateLimitIT extends IntegrationSupport {

    @Test
    void theEleventhSubmitInAMinuteFromOneAddressToOneConferenceIsRefusedWithRetryAfterAndNothingStored() {
        String conference = createConference("limit", 40);
        String client = "203.0.113.11";
        for (int i = 1; i <= 10; i++) {
            assertThat(registerFrom(client, conference, registrationJson("Ana", "No" + i, "ana" + i + "@limit.example.org"))
                    .statusCode()).as("submit %d", i).isEqualTo(201);
        }

        HttpResponse<String> eleventh = registerFrom(client, conference,
                registrationJson("Ana", "Eleven", "ana11@limit.example.org"));

        assertTooMany(eleventh);
        JsonNode list = json(get("/api/conferences/" + conference + "/registrations", "application/json", ORGANISER));
        assertThat(list.size()).isEqualTo(10);
        assertThat(list.toString()).doesNotContain("ana11@limit.example.org");
        assertThat(json(get("/api/conferences/" + conference, "application/json", null)).path("seatsLeft").asInt())
                .isEqualTo(30);
    }

    @Test
    void anotherAddressAndAnotherConferenceHaveBudgetsOfTheirOwn() {
        String conference = createConference("limit-other", 40);
        String other = createConference("limit-elsewhere", 40);
        String busy = "203.0.113.12";
        for (int i = 1; i <= 10; i++) {
            registerFrom(busy, conference, registrationJson("Boris", "No" + i, "boris" + i + "@limit.example.org"));
        }
        assertTooMany(registerFrom(busy, conference, registrationJson("Boris", "Late", "boris-late@limit.example.org")));

        assertThat(registerFrom("203.0.113.13", conference,
                registrationJson("Vera", "Other", "vera@limit.example.org")).statusCode()).isEqualTo(201);
        assertThat(registerFrom(busy, other,
                registrationJson("Boris", "Elsewhere", "boris-late@limit.example.org")).statusCode()).isEqualTo(201);
    }

    @Test
    void invalidAndRepeatedSubmitsCountAsWellSoTheyCannotProbeWithoutLimit() {
        String conference = createConference("limit-probe", 40);
        String prober = "203.0.113.14";
        List<Integer> statuses = new ArrayList<>();
        statuses.add(registerFrom(prober, conference, registrationJson("Ana", "Probe", "probe@limit.example.org")).statusCode());
        for (int i = 0; i < 4; i++) {
            statuses.add(registerFrom(prober, conference, registrationJson("Ana", "Probe", "PROBE@limit.example.org")).statusCode());
            statuses.add(registerFrom(prober, conference, "{\"firstName\": 42}").statusCode());
        }
        statuses.add(registerFrom(prober, conference, registrationJson("Ana", "Probe", "probe@limit.example.org")).statusCode());
        assertThat(statuses).containsExactly(201, 409, 400, 409, 400, 409, 400, 409, 400, 409);

        assertTooMany(registerFrom(prober, conference, registrationJson("Ana", "Other", "other@limit.example.org")));
    }

    @Test
    void aParticipantsOwnWritesAreLimitedPerRegistration() {
        String conference = createConference("limit-cancel", 40);
        JsonNode created = json(register(conference, registrationJson("Ana", "Cancel", "cancel@limit.example.org")));
        String cancel = "/api/registrations/" + created.path("id").asString() + "/cancel?token="
                + tokenOf(created.path("selfServiceUrl").asString());
        String client = "203.0.113.15";

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(postJson(cancel, "", null, client).statusCode());
        }

        assertThat(statuses).containsExactly(200, 409, 409, 409, 409, 409, 409, 409, 409, 409);
        assertTooMany(postJson(cancel, "", null, client));
    }

    @Test
    void confirmingTheAddressIsLimitedAsTheParticipantsOtherWritesAre() {
        String conference = createConference("limit-confirm", 40);
        JsonNode created = json(register(conference, registrationJson("Ana", "Confirm", "confirm@limit.example.org")));
        String confirm = "/api/registrations/" + created.path("id").asString() + "/confirm-address?token="
                + tokenOf(created.path("selfServiceUrl").asString());
        String client = "203.0.113.16";

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(postJson(confirm, "", null, client).statusCode());
        }

        assertThat(statuses).containsOnly(200).hasSize(10);
        assertTooMany(postJson(confirm, "", null, client));
        assertThat(postJson(confirm, "", null, "203.0.113.17").statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void correctingTheDetailsIsLimitedAsTheParticipantsOtherWritesAreAndARefusedOneStoresNothing() {
        String conference = createConference("limit-details", 40);
        JsonNode created = json(register(conference, registrationJson("Ana", "Details", "details@limit.example.org")));
        String id = created.path("id").asString();
        String token = tokenOf(created.path("selfServiceUrl").asString());
        String details = registrationJson("Ana", "Details", "details@limit.example.org")
                .replaceAll(",\\s*\"notes\": \"[^\"]*\"", ""); // notes cannot be corrected
        String client = "203.0.113.18";

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(putFrom(client, "/api/registrations/" + id + "/details?token=" + token, details).statusCode());
        }

        assertThat(statuses).containsOnly(200).hasSize(10);
        assertTooMany(putFrom(client, "/api/registrations/" + id + "/details?token=" + token,
                details.replace("Open Society Institute", "Refused Org")));
        assertThat(json(get("/api/registrations/" + id + "?token=" + token, "application/json", null))
                .path("organisation").asString()).isEqualTo("Open Society Institute");
    }

    private HttpResponse<String> putFrom(String client, String path, String body) {
        return send(java.net.http.HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json").header("X-Forwarded-For", client)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void assertTooMany(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("title").asString()).isEqualTo("Too many submissions");
        assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
    }
}
