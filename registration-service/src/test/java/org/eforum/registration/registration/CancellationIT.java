package org.eforum.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.eforum.registration.conference.Conferences;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/** A participant cannot come after all: their seat goes to the first in line, and every change is an event. */
class CancellationIT extends IntegrationSupport {

    @Autowired
    SeatCountReconciler reconciler;
    @Autowired
    Conferences conferences;
    @Autowired
    MongoTemplate mongo;

    @Test
    void cancellingAConfirmedRegistrationPromotesTheOldestWaitlistedOne() {
        String conference = createConference("cancel-promote", 2);
        JsonNode ana = registered(conference, "ana");
        registered(conference, "boris");
        JsonNode vera = registered(conference, "vera");
        JsonNode georgi = registered(conference, "georgi");
        assertThat(vera.path("status").asString()).isEqualTo("WAITLISTED");

        HttpResponse<String> cancelled = cancel(ana);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(statusOf(vera)).isEqualTo("CONFIRMED");
        assertThat(statusOf(georgi)).isEqualTo("WAITLISTED");
        assertSeats(conference, 0, 1);
        List<String> ids = List.of(id(ana), id(vera), id(georgi));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, ids);
            assertThat(PublishedEvents.kindsOf(events, id(ana))).containsExactly("confirmed", "cancelled");
            assertThat(PublishedEvents.kindsOf(events, id(vera))).containsExactly("waitlisted", "promoted");
            assertThat(PublishedEvents.kindsOf(events, id(georgi))).containsExactly("waitlisted");
            var anaCancelled = events.stream().filter(e -> e.kind().equals("cancelled")).findFirst().orElseThrow();
            assertThat(anaCancelled.sequence()).isEqualTo(2);
            assertThat(anaCancelled.data().path("previousStatus").asString()).isEqualTo("CONFIRMED");
            assertThat(anaCancelled.data().path("status").asString()).isEqualTo("CANCELLED");
            var veraPromoted = events.stream().filter(e -> e.kind().equals("promoted")).findFirst().orElseThrow();
            assertThat(veraPromoted.sequence()).isEqualTo(2);
            assertThat(veraPromoted.data().path("selfServiceUrl").asString()).isEqualTo(vera.path("selfServiceUrl").asString());
        });
    }

    @Test
    void cancellingAWaitlistedRegistrationShortensTheWaitingList() {
        String conference = createConference("cancel-waiting", 1);
        registered(conference, "ana");
        JsonNode boris = registered(conference, "boris");

        HttpResponse<String> cancelled = cancel(boris);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertSeats(conference, 0, 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(id(boris)));
            assertThat(PublishedEvents.kindsOf(events, id(boris))).containsExactly("waitlisted", "cancelled");
            assertThat(events.get(1).data().path("previousStatus").asString()).isEqualTo("WAITLISTED");
        });
    }

    @Test
    void aWrongTokenOrAnUnknownIdIsNotFoundAndASecondCancellationIsAConflict() {
        String conference = createConference("cancel-twice", 5);
        JsonNode ana = registered(conference, "ana");
        JsonNode boris = registered(conference, "boris");

        HttpResponse<String> wrongToken = postJson("/api/registrations/" + id(ana) + "/cancel?token="
                + tokenOf(boris.path("selfServiceUrl").asString()), "", null);
        HttpResponse<String> noToken = postJson("/api/registrations/" + id(ana) + "/cancel", "", null);
        HttpResponse<String> unknown = postJson("/api/registrations/no-such-registration/cancel?token=abc", "", null);
        HttpResponse<String> first = cancel(ana);
        HttpResponse<String> second = cancel(ana);

        assertThat(List.of(wrongToken, noToken, unknown)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(404));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).path("title").asString()).isEqualTo("Already cancelled");
        assertThat(statusOf(boris)).isEqualTo("CONFIRMED");
        assertSeats(conference, 4, 0);
    }

    @Test
    void raisingTheCapacityPromotesAsManyAsSeatsWereAdded() {
        String conference = createConference("capacity-up", 1);
        registered(conference, "ana");
        JsonNode boris = registered(conference, "boris");
        JsonNode vera = registered(conference, "vera");
        JsonNode georgi = registered(conference, "georgi");

        HttpResponse<String> updated = send(java.net.http.HttpRequest.newBuilder(url("/api/conferences/" + conference))
                .header("Content-Type", "application/json").header("Authorization", ORGANISER)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(conferenceJson(conference, 3, null))).build());

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).path("seatsLeft").asInt()).isZero();
        assertThat(json(updated).path("waitlistLength").asInt()).isEqualTo(1);
        assertThat(statusOf(boris)).isEqualTo("CONFIRMED");
        assertThat(statusOf(vera)).isEqualTo("CONFIRMED");
        assertThat(statusOf(georgi)).isEqualTo("WAITLISTED");
    }

    @Test
    void aNewcomerDoesNotTakeAFreedSeatWhileSomeoneWaitsForIt() {
        String conference = createConference("no-overtaking", 1);
        registered(conference, "ana");
        JsonNode boris = registered(conference, "boris");
        // As if a seat had just been freed and the promotion had not run yet.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(conference)), new Update().inc("seatsLeft", 1), "conferences");

        JsonNode vera = registered(conference, "vera");

        assertThat(vera.path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(statusOf(boris)).as("the first in line got the seat").isEqualTo("CONFIRMED");
        assertSeats(conference, 0, 1);
    }

    @Test
    void afterACrashBetweenCancellingAndFreeingTheSeatTheReconcilerFreesItAndPromotes() {
        String conference = createConference("crash-heal", 2);
        JsonNode ana = registered(conference, "ana");
        registered(conference, "boris");
        JsonNode vera = registered(conference, "vera");
        // The cancellation was written, then the process died before the seat counter was touched.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id(ana))),
                new Update().set("status", RegistrationStatus.CANCELLED.name()).inc("sequence", 1), "registrations");
        assertSeats(conference, 0, 1);

        boolean firstRound = reconciler.reconcile(conferences.find(conference).orElseThrow());
        assertSeats(conference, 0, 1); // one sighting could be an operation in flight: nothing changes yet
        boolean secondRound = reconciler.reconcile(conferences.find(conference).orElseThrow());

        assertThat(firstRound).isFalse();
        assertThat(secondRound).isTrue();
        assertThat(statusOf(vera)).isEqualTo("CONFIRMED");
        assertSeats(conference, 0, 0);
        assertThat(reconciler.reconcile(conferences.find(conference).orElseThrow())).as("consistent now").isFalse();
    }

    private JsonNode registered(String conference, String name) {
        HttpResponse<String> response = register(conference, registrationJson(name, "Test", name + "@example.org"));
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response);
    }

    private HttpResponse<String> cancel(JsonNode registration) {
        return postJson("/api/registrations/" + id(registration) + "/cancel?token="
                + tokenOf(registration.path("selfServiceUrl").asString()), "", null);
    }

    private String statusOf(JsonNode registration) {
        return json(get("/api/registrations/" + id(registration) + "?token="
                + tokenOf(registration.path("selfServiceUrl").asString()), "application/json", null))
                .path("status").asString();
    }

    private void assertSeats(String conference, int seatsLeft, int waitlistLength) {
        JsonNode seats = json(get("/api/conferences/" + conference, "application/json", null));
        assertThat(seats.path("seatsLeft").asInt()).as("seatsLeft").isEqualTo(seatsLeft);
        assertThat(seats.path("waitlistLength").asInt()).as("waitlistLength").isEqualTo(waitlistLength);
    }

    private static String id(JsonNode registration) {
        return registration.path("id").asString();
    }
}
