package org.eforum.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Double opt-in: a registration's consents to be listed and to join the experts' network wait until the participant
 * confirms, with the token that only the mail to the address carries, that the address is theirs.
 */
class AddressConfirmationIT extends IntegrationSupport {

    @Test
    void theTokenConfirmsTheAddressOnceKeepingTheSeatAndPublishesOneEvent() {
        String conference = createConference("confirm-address", 5);
        JsonNode ana = registered(conference, "ana");
        assertThat(view(ana).path("addressConfirmedAt").isNull()).as("not confirmed by the submit").isTrue();

        HttpResponse<String> first = confirm(ana);
        HttpResponse<String> second = confirm(ana);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(json(first).path("addressConfirmedAt").asString()).isNotBlank();
        assertThat(second.statusCode()).as("confirming twice answers the same").isEqualTo(200);
        assertThat(json(second).path("addressConfirmedAt").asString())
                .isEqualTo(json(first).path("addressConfirmedAt").asString());
        assertThat(view(ana).path("addressConfirmedAt").asString())
                .isEqualTo(json(first).path("addressConfirmedAt").asString());
        assertThat(json(get("/api/conferences/" + conference, "application/json", null)).path("seatsLeft").asInt())
                .as("the seat held since the submit, no other").isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(id(ana)));
            assertThat(PublishedEvents.kindsOf(events, id(ana))).containsExactly("confirmed", "address-confirmed");
            var confirmed = events.get(1);
            assertThat(confirmed.ceType()).isEqualTo("org.eforum.registration.address-confirmed.v1");
            assertThat(confirmed.sequence()).isEqualTo(2);
            assertThat(confirmed.data().path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(confirmed.data().path("participant").path("consents").path("listInDirectory").asBoolean())
                    .isTrue();
        });
    }

    @Test
    void aWaitlistedRegistrationStaysWaitlistedAndLaterEventsFollowInOrder() {
        String conference = createConference("confirm-waiting", 1);
        JsonNode ana = registered(conference, "ana");
        JsonNode boris = registered(conference, "boris");

        HttpResponse<String> confirmed = confirm(boris);
        cancel(ana);

        assertThat(json(confirmed).path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(view(boris).path("status").asString()).as("promoted when ana's seat was freed").isEqualTo("CONFIRMED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(id(boris)));
            assertThat(PublishedEvents.kindsOf(events, id(boris)))
                    .containsExactly("waitlisted", "address-confirmed", "promoted");
            assertThat(events.stream().map(PublishedEvents.Published::sequence)).containsExactly(1L, 2L, 3L);
            assertThat(events.get(1).data().path("status").asString()).isEqualTo("WAITLISTED");
        });
    }

    @Test
    void aWrongTokenIsAnsweredAsTheCancelAnswersItAndAnUnknownIdIsNotFound() {
        String conference = createConference("confirm-wrong", 5);
        JsonNode ana = registered(conference, "ana");
        JsonNode boris = registered(conference, "boris");
        String othersToken = tokenOf(boris.path("selfServiceUrl").asString());

        HttpResponse<String> wrongToken = postJson("/api/registrations/" + id(ana) + "/confirm-address?token="
                + othersToken, "", null);
        HttpResponse<String> cancelWithWrongToken = postJson("/api/registrations/" + id(ana) + "/cancel?token="
                + othersToken, "", null);
        HttpResponse<String> noToken = postJson("/api/registrations/" + id(ana) + "/confirm-address", "", null);
        HttpResponse<String> unknown = postJson("/api/registrations/no-such-registration/confirm-address?token="
                + othersToken, "", null);

        assertThat(List.of(wrongToken, noToken, unknown)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        });
        assertThat(wrongToken.statusCode()).isEqualTo(cancelWithWrongToken.statusCode());
        assertThat(json(wrongToken).path("title").asString()).isEqualTo(json(cancelWithWrongToken).path("title").asString());
        assertThat(json(wrongToken).path("detail").asString()).isEqualTo(json(cancelWithWrongToken).path("detail").asString());
        assertThat(view(ana).path("addressConfirmedAt").isNull()).isTrue();
        assertThat(view(ana).path("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void aCancelledRegistrationCannotBeConfirmed() {
        String conference = createConference("confirm-cancelled", 5);
        JsonNode ana = registered(conference, "ana");
        cancel(ana);

        HttpResponse<String> confirmed = confirm(ana);

        assertThat(confirmed.statusCode()).isEqualTo(409);
        assertThat(confirmed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(confirmed).path("title").asString()).isEqualTo("Cancelled registrations cannot be confirmed");
        assertThat(view(ana).path("addressConfirmedAt").isNull()).isTrue();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                PublishedEvents.kindsOf(PublishedEvents.of(bootstrapServers, List.of(id(ana))), id(ana)))
                .containsExactly("confirmed", "cancelled"));
    }

    @Test
    void aGetChangesNothing() {
        String conference = createConference("confirm-get", 5);
        JsonNode ana = registered(conference, "ana");
        String query = "?token=" + tokenOf(ana.path("selfServiceUrl").asString());

        HttpResponse<String> apiGet = get("/api/registrations/" + id(ana) + "/confirm-address" + query,
                "application/json", null);
        HttpResponse<String> pageGet = send(HttpRequest.newBuilder(url("/registrations/" + id(ana) + "/confirm-address"
                + query)).header("Accept", "text/html").GET().build());
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/registrations/" + id(ana) + query))
                .header("Accept", "text/html").GET().build());
        HttpResponse<String> head = send(HttpRequest.newBuilder(url("/api/registrations/" + id(ana) + "/confirm-address"
                + query)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(List.of(apiGet.statusCode(), pageGet.statusCode(), head.statusCode()))
                .allSatisfy(status -> assertThat(status).isGreaterThanOrEqualTo(400));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(view(ana).path("addressConfirmedAt").isNull()).isTrue();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                PublishedEvents.kindsOf(PublishedEvents.of(bootstrapServers, List.of(id(ana))), id(ana)))
                .containsExactly("confirmed"));
    }

    private JsonNode registered(String conference, String name) {
        HttpResponse<String> response = register(conference,
                registrationJson(name, "Confirm", name + "." + conference + "@example.org"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private HttpResponse<String> confirm(JsonNode registration) {
        return postJson("/api/registrations/" + id(registration) + "/confirm-address?token="
                + tokenOf(registration.path("selfServiceUrl").asString()), "", null);
    }

    private HttpResponse<String> cancel(JsonNode registration) {
        HttpResponse<String> response = postJson("/api/registrations/" + id(registration) + "/cancel?token="
                + tokenOf(registration.path("selfServiceUrl").asString()), "", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private JsonNode view(JsonNode registration) {
        return json(get("/api/registrations/" + id(registration) + "?token="
                + tokenOf(registration.path("selfServiceUrl").asString()), "application/json", null));
    }

    private static String id(JsonNode registration) {
        return registration.path("id").asString();
    }
}
