package org.eforum.registration.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.eforum.contracts.Topics;
import org.eforum.registration.IntegrationSupport;
import org.eforum.testsupport.ApiDocsCoverage;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * An organiser sees and changes only the conferences of their teams: every organiser endpoint of a conference
 * refuses an organiser outside its team, and lets them in once the team names them.
 */
class TeamsIT extends IntegrationSupport {

    private static final String PASSWORD = "second organiser's password";

    /**
     * An organiser endpoint of the conference ({@code %s}: the conference, then its registration or message), what an organiser
     * outside the team gets (403; the registration's own endpoints say 404, as its page does) and what a member gets.
     */
    private record Endpoint(String method, String path, String accept, UnaryOperator<String> body, int outsider,
            int member) {

        Endpoint(String method, String path, String accept, UnaryOperator<String> body) {
            this(method, path, accept, body, 403, 200);
        }

        String key() {
            return method + " " + path.replace("%s", "{}");
        }
    }

    @Autowired
    ApplicationContext context;

    private String conference;
    private String registration;
    private String organiser2;
    private String messageId;
    private String asOrganiser2;
    private final List<Endpoint> organiserEndpoints = List.of(
            new Endpoint("PUT", "/api/conferences/%s", "application/json", id -> conferenceJson(id, 40, null)),
            new Endpoint("GET", "/api/conferences/%s/registrations", "application/json", null),
            new Endpoint("GET", "/api/conferences/%s/registrations", "text/csv", null),
            new Endpoint("PUT", "/api/conferences/%s/questions", "application/json", id -> "{\"questions\": []}"),
            new Endpoint("GET", "/api/conferences/%s/team", "application/json", null),
            new Endpoint("PUT", "/api/conferences/%s/team", "application/json",
                    id -> "{\"organisers\": [\"organiser\", \"" + organiser2 + "\"]}"),
            new Endpoint("GET", "/api/conferences/%s/messages", "application/json", null),
            new Endpoint("GET", "/api/conferences/%s/messages/%s", "application/json", null),
            new Endpoint("POST", "/api/conferences/%s/messages", "application/json",
                    id -> "{\"audience\": \"ALL\", \"subject\": {\"bg\": \"Тема\", \"en\": \"Subject\"},"
                            + " \"body\": {\"bg\": \"Текст\", \"en\": \"Text\"}}", 403, 201),
            // (before the cancel below, which leaves the message above no recipient)
            new Endpoint("GET", "/api/conferences/%s/registrations/%s", "application/json", null, 404, 200),
            new Endpoint("POST", "/api/conferences/%s/registrations/%s/resend-mail", "application/json", null, 404, 200),
            // Ana has a seat (the conference is not moderated): the member may approve or decline, and is told it is
            // the wrong state; many at once skip her.
            new Endpoint("POST", "/api/conferences/%s/registrations/%s/approve", "application/json", null, 404, 409),
            new Endpoint("POST", "/api/conferences/%s/registrations/%s/decline", "application/json", null, 404, 409),
            new Endpoint("POST", "/api/conferences/%s/registrations/approve", "application/json",
                    id -> "{\"registrationIds\": [\"" + registration + "\"]}", 404, 200),
            new Endpoint("POST", "/api/conferences/%s/registrations/decline", "application/json",
                    id -> "{\"registrationIds\": [\"" + registration + "\"]}", 404, 200),
            // Ana has a seat: the member may promote, and is told it is the wrong state.
            new Endpoint("POST", "/api/conferences/%s/registrations/%s/promote", "application/json", null, 404, 409),
            new Endpoint("POST", "/api/conferences/%s/registrations/%s/cancel", "application/json", null, 404, 200));

    @BeforeEach
    void anotherOrganisersConference() {
        organiser2 = "organiser2-" + UUID.randomUUID().toString().substring(0, 8);
        createOrganiserAccount(organiser2, PASSWORD);
        asOrganiser2 = basic(organiser2, PASSWORD);
        conference = createConference("team", 30);
        HttpResponse<String> ana = register(conference, registrationJson("Ana", "Petrova", "ana@example.org"));
        assertThat(ana.statusCode()).isEqualTo(201);
        registration = json(ana).path("id").asString();
        HttpResponse<String> message = postJson("/api/conferences/" + conference + "/messages", "{\"audience\": \"ALL\","
                + " \"subject\": {\"bg\": \"Тема\", \"en\": \"Subject\"}, \"body\": {\"bg\": \"Т\", \"en\": \"T\"}}", ORGANISER);
        assertThat(message.statusCode()).isEqualTo(201);
        messageId = json(message).path("id").asString();
    }

    @Test
    void theTableNamesEveryOrganiserEndpointOfAConference() {
        Set<String> public_ = Set.of("GET /api/conferences/{}", "POST /api/conferences/{}/registrations");
        Set<String> ofAConference = ApiDocsCoverage.endpoints(context).stream()
                .map(endpoint -> endpoint.replaceAll("\\{[^}]+}", "{}"))
                .filter(endpoint -> endpoint.split(" ")[1].startsWith("/api/conferences/{}"))
                .filter(endpoint -> !public_.contains(endpoint)).collect(Collectors.toSet());

        assertThat(organiserEndpoints.stream().map(Endpoint::key).collect(Collectors.toSet()))
                .isEqualTo(ofAConference);
    }

    @Test
    void anOrganiserOutsideTheTeamIsRefusedEverywhereAndChangesNothing() {
        for (Endpoint endpoint : organiserEndpoints) {
            HttpResponse<String> response = call(endpoint, asOrganiser2);

            assertThat(response.statusCode()).as(endpoint.key() + " " + endpoint.accept()).isEqualTo(endpoint.outsider());
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain("ana@example.org").doesNotContain("Petrova");
        }
        JsonNode unchanged = json(get("/api/conferences/" + conference + "/team", "application/json", ORGANISER));
        assertThat(unchanged.path("organisers").toString()).isEqualTo("[\"organiser\"]");
        assertThat(json(get("/api/conferences/" + conference, "application/json", null)).path("capacity").asInt())
                .isEqualTo(30);

        // The public view of the conference, without the organisers' cc and team.
        JsonNode seen = json(get("/api/conferences/" + conference, "application/json", asOrganiser2));
        assertThat(seen.has("cc")).isFalse();
        assertThat(seen.has("team")).isFalse();
        assertThat(ids(get("/api/organiser/conferences", "application/json", asOrganiser2))).doesNotContain(conference);
        assertThat(ids(get("/api/organiser/conferences", "application/json", ORGANISER))).contains(conference);
        // Erasure reaches every conference of an address, so it is the operators' alone.
        assertThat(postJson("/api/erasures", "{\"email\": \"ana@example.org\"}", ORGANISER).statusCode())
                .isEqualTo(403);
    }

    @Test
    void onceTheTeamAddsThemTheyMayDoEverythingAndSeeTheConference() {
        HttpResponse<String> added = putJson("/api/conferences/" + conference + "/team",
                "{\"organisers\": [\"organiser\", \"" + organiser2 + "\"]}", ORGANISER);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);

        for (Endpoint endpoint : organiserEndpoints) {
            HttpResponse<String> response = call(endpoint, asOrganiser2);
            assertThat(response.statusCode()).as(endpoint.key() + " " + endpoint.accept() + ": " + response.body())
                    .isEqualTo(endpoint.member());
        }
        assertThat(call(organiserEndpoints.get(2), asOrganiser2).body()).contains("ana@example.org");
        assertThat(ids(get("/api/organiser/conferences", "application/json", asOrganiser2))).contains(conference);
        assertThat(json(get("/api/conferences/" + conference, "application/json", asOrganiser2)).has("cc")).isTrue();

        // The team reaches the other services in the conference's event.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(EventLog.readAll(bootstrapServers,
                        Topics.CONFERENCES).stream().filter(r -> conference.equals(r.key()))
                .map(r -> JSON.readTree(r.value()).path("team").toString()))
                .contains("[\"organiser\",\"" + organiser2 + "\"]"));

        // Removed again, it is refused again.
        assertThat(putJson("/api/conferences/" + conference + "/team", "{\"organisers\": [\"organiser\"]}",
                asOrganiser2).statusCode()).isEqualTo(200);
        assertThat(call(organiserEndpoints.get(1), asOrganiser2).statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorManagesAnyTeamAndATeamNamesOnlyOrganiserAccounts() {
        HttpResponse<String> unknown = putJson("/api/conferences/" + conference + "/team",
                "{\"organisers\": [\"organiser\", \"nobody-" + UUID.randomUUID() + "\", \"operator\"]}", ORGANISER);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(errorFields(unknown)).containsExactly("organisers[1]", "organisers[2]");
        assertThat(putJson("/api/conferences/" + conference + "/team", "{\"organisers\": []}", ORGANISER)
                .statusCode()).isEqualTo(400);
        assertThat(putJson("/api/conferences/missing-" + UUID.randomUUID().toString().substring(0, 8) + "/team",
                "{\"organisers\": [\"organiser\"]}", OPERATOR).statusCode()).isEqualTo(404);

        HttpResponse<String> byOperator = putJson("/api/conferences/" + conference + "/team",
                "{\"organisers\": [\"" + organiser2 + "\"]}", OPERATOR);
        assertThat(byOperator.statusCode()).as(byOperator.body()).isEqualTo(200);
        assertThat(call(organiserEndpoints.get(1), asOrganiser2).statusCode()).isEqualTo(200);
        assertThat(call(organiserEndpoints.get(1), ORGANISER).statusCode()).as("the creator was removed")
                .isEqualTo(403);
        assertThat(ids(get("/api/organiser/conferences", "application/json", OPERATOR))).contains(conference);
    }

    private HttpResponse<String> call(Endpoint endpoint, String authorization) {
        // the second %s: the message of a messages path, else the registration
        String path = endpoint.path().formatted(conference, endpoint.path().contains("/messages/") ? messageId
                : registration);
        return switch (endpoint.method()) {
            case "GET" -> get(path, endpoint.accept(), authorization);
            case "PUT" -> putJson(path, endpoint.body().apply(conference), authorization);
            case "POST" -> postJson(path, endpoint.body() == null ? "" : endpoint.body().apply(conference),
                    authorization);
            default -> throw new IllegalArgumentException(endpoint.method());
        };
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).forEach(conference -> ids.add(conference.path("id").asString()));
        return ids;
    }
}
