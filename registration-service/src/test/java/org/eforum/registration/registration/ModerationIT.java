package org.eforum.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.eforum.registration.conference.Conferences;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A moderated conference: each submit waits, PENDING, without a seat, until an organiser of its team approves it
 * (a free seat, else the waiting list) or declines it, one at a time or many at once; every change is its own
 * event on Kafka, in order, with the organiser's message for the participant.
 */
class ModerationIT extends IntegrationSupport {

    private static final String PROBLEM_JSON = "application/json, application/problem+json";

    @Autowired
    SeatCountReconciler reconciler;
    @Autowired
    Conferences conferences;


    @Test
    void aSubmitIsPendingWithoutASeatThenApprovalsFillTheSeatsAndTheWaitingListAndADeclineIsFinal() {
        String conference = createModeratedConference("moderated", 1);
        assertThat(json(get("/api/conferences/" + conference, "application/json", null)).path("moderated").asBoolean())
                .isTrue();

        JsonNode ana = registered(conference, "ana", "en");
        JsonNode boris = registered(conference, "boris", "en");
        JsonNode vera = registered(conference, "vera", "bg");

        assertThat(List.of(ana, boris, vera)).allSatisfy(r -> assertThat(r.path("status").asString()).isEqualTo("PENDING"));
        assertSeats(conference, 1, 0);
        assertThat(register(conference, registrationJson("Ana", "Again", "ANA.moderated@example.org")).statusCode())
                .as("a repeat is a repeat, pending or not").isEqualTo(409);

        HttpResponse<String> first = postJson(api(conference, id(ana)) + "/approve",
                "{\"message\": \"Welcome!\\nSee you in Sofia.\"}", ORGANISER);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(json(first).path("id").asString()).isEqualTo(id(ana));
        assertSeats(conference, 0, 0);

        HttpResponse<String> second = postJson(api(conference, id(boris)) + "/approve", "", ORGANISER);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json(second).path("status").asString()).as("the conference is full").isEqualTo("WAITLISTED");
        assertSeats(conference, 0, 1);

        HttpResponse<String> twice = postJson(api(conference, id(ana)) + "/approve", "", ORGANISER);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(twice).path("title").asString()).isEqualTo("Not awaiting approval");
        assertThat(json(twice).path("status").asString()).isEqualTo("CONFIRMED");

        HttpResponse<String> declined = postJson(api(conference, id(vera)) + "/decline",
                "{\"message\": \"За съжаление залата е пълна.\"}", ORGANISER);
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(json(declined).path("status").asString()).isEqualTo("DECLINED");
        assertThat(postJson(api(conference, id(vera)) + "/approve", "", ORGANISER).statusCode()).isEqualTo(409);
        assertThat(postJson(api(conference, id(vera)) + "/decline", "", ORGANISER).statusCode()).isEqualTo(409);
        assertThat(cancel(vera).statusCode()).as("a declined registration has nothing to cancel").isEqualTo(409);
        assertSeats(conference, 0, 1);

        assertThat(json(get(api(conference, id(boris)), PROBLEM_JSON, ORGANISER)).path("history"))
                .extracting(entry -> entry.path("change").asString() + " " + entry.at("/by/kind").asString() + " "
                        + entry.at("/by/username").asString(""))
                .containsExactly("SUBMITTED_PENDING PARTICIPANT ", "APPROVED ORGANISER organiser");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(id(ana), id(boris), id(vera)));
            assertThat(PublishedEvents.kindsOf(events, id(ana))).as("the repeat mailed her link again")
                    .containsExactly("submitted", "link-resent", "approved");
            assertThat(PublishedEvents.kindsOf(events, id(boris))).containsExactly("submitted", "approved");
            assertThat(PublishedEvents.kindsOf(events, id(vera))).containsExactly("submitted", "declined");
            var submitted = only(events, id(ana), "submitted");
            assertThat(submitted.ceType()).isEqualTo("org.eforum.registration.submitted.v1");
            assertThat(submitted.sequence()).isEqualTo(1);
            assertThat(submitted.data().path("status").asString()).isEqualTo("PENDING");
            assertThat(submitted.data().at("/conference/moderated").asBoolean()).isTrue();
            var anaApproved = only(events, id(ana), "approved");
            assertThat(anaApproved.ceType()).isEqualTo("org.eforum.registration.approved.v1");
            assertThat(anaApproved.sequence()).isEqualTo(2);
            assertThat(anaApproved.data().path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(anaApproved.data().path("message").asString()).isEqualTo("Welcome!\nSee you in Sofia.");
            var borisApproved = only(events, id(boris), "approved");
            assertThat(borisApproved.data().path("status").asString()).isEqualTo("WAITLISTED");
            assertThat(borisApproved.data().has("message")).as("no message given").isFalse();
            var veraDeclined = only(events, id(vera), "declined");
            assertThat(veraDeclined.ceType()).isEqualTo("org.eforum.registration.declined.v1");
            assertThat(veraDeclined.sequence()).isEqualTo(2);
            assertThat(veraDeclined.data().path("status").asString()).isEqualTo("DECLINED");
            assertThat(veraDeclined.data().path("message").asString()).isEqualTo("За съжаление залата е пълна.");
        });
    }

    @Test
    void manyAreApprovedInTheOrderGivenEachInItsLanguageAndTheOthersAreSkippedWithTheirReason() {
        String conference = createModeratedConference("moderated-bulk", 2);
        JsonNode ana = registered(conference, "ana.bulk", "en");
        JsonNode boris = registered(conference, "boris.bulk", "bg");
        JsonNode vera = registered(conference, "vera.bulk", "en");
        JsonNode georgi = registered(conference, "georgi.bulk", "en");
        assertThat(postJson(api(conference, id(georgi)) + "/decline", "", ORGANISER).statusCode()).isEqualTo(200);

        HttpResponse<String> bulk = postJson("/api/conferences/" + conference + "/registrations/approve", """
                {"registrationIds": ["%s", "%s", "%s", "no-such-registration", "%s"],
                 "message": {"bg": "Добре дошли!", "en": "Welcome!"}}
                """.formatted(id(boris), id(georgi), id(ana), id(vera)), ORGANISER);

        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(json(bulk).path("done")).extracting(r -> r.path("id").asString() + " " + r.path("status").asString())
                .containsExactly(id(boris) + " CONFIRMED", id(ana) + " CONFIRMED", id(vera) + " WAITLISTED");
        assertThat(json(bulk).path("skipped")).extracting(s -> s.path("registrationId").asString() + " "
                + s.path("reason").asString())
                .containsExactly(id(georgi) + " not-pending", "no-such-registration unknown");
        assertSeats(conference, 0, 1);

        // Declining many: one given only in Bulgarian reaches an English speaker in Bulgarian.
        JsonNode petar = registered(conference, "petar.bulk", "en");
        HttpResponse<String> declined = postJson("/api/conferences/" + conference + "/registrations/decline", """
                {"registrationIds": ["%s", "%s"], "message": {"bg": "Съжаляваме."}}
                """.formatted(id(petar), id(ana)), ORGANISER);
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(json(declined).path("done")).extracting(r -> r.path("status").asString()).containsExactly("DECLINED");
        assertThat(json(declined).path("skipped")).extracting(s -> s.path("reason").asString())
                .containsExactly("not-pending");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(id(ana), id(boris), id(vera), id(petar)));
            assertThat(only(events, id(boris), "approved").data().path("message").asString()).isEqualTo("Добре дошли!");
            assertThat(only(events, id(ana), "approved").data().path("message").asString()).isEqualTo("Welcome!");
            assertThat(only(events, id(vera), "approved").data().path("status").asString()).isEqualTo("WAITLISTED");
            assertThat(only(events, id(petar), "declined").data().path("message").asString()).isEqualTo("Съжаляваме.");
            assertThat(PublishedEvents.kindsOf(events, id(ana))).containsExactly("submitted", "approved");
        });
    }

    @Test
    void pendingRegistrationsHoldNoSeatAreNeverPromotedAndThePendingParticipantMayWithdraw() {
        String conference = createModeratedConference("moderated-waiting", 1);
        JsonNode ana = registered(conference, "ana.waiting", "en");
        JsonNode boris = registered(conference, "boris.waiting", "en");
        JsonNode vera = registered(conference, "vera.waiting", "en");
        JsonNode georgi = registered(conference, "georgi.waiting", "en");
        approve(conference, ana);
        approve(conference, boris);
        postJson(api(conference, id(georgi)) + "/decline", "", ORGANISER);
        assertSeats(conference, 0, 1);

        assertThat(cancel(ana).statusCode()).isEqualTo(200);

        assertThat(statusOf(boris)).as("the waiting list, not the pending one, gets the seat").isEqualTo("CONFIRMED");
        assertThat(statusOf(vera)).isEqualTo("PENDING");
        assertSeats(conference, 0, 0);
        assertThat(reconciler.reconcile(conferences.find(conference).orElseThrow())).isFalse();
        assertThat(reconciler.reconcile(conferences.find(conference).orElseThrow()))
                .as("pending and declined ones are counted as holding nothing").isFalse();
        assertSeats(conference, 0, 0);

        HttpResponse<String> withdrawn = cancel(vera);
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(json(withdrawn).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(postJson(api(conference, id(vera)) + "/approve", "", ORGANISER).statusCode()).isEqualTo(409);
        assertSeats(conference, 0, 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(id(vera)));
            assertThat(PublishedEvents.kindsOf(events, id(vera))).containsExactly("submitted", "cancelled");
            assertThat(only(events, id(vera), "cancelled").data().path("previousStatus").asString()).isEqualTo("PENDING");
        });
    }

    @Test
    void anApprovalOntoTheWaitingListJoinsItsEndWhenEverTheParticipantRegistered() {
        String conference = createModeratedConference("moderated-line", 1);
        JsonNode ana = registered(conference, "ana.line", "en");
        JsonNode boris = registered(conference, "boris.line", "en");
        JsonNode vera = registered(conference, "vera.line", "en");
        approve(conference, vera);
        approve(conference, boris);
        approve(conference, ana);
        assertThat(statusOf(ana)).isEqualTo("WAITLISTED");
        assertSeats(conference, 0, 2);

        assertThat(cancel(vera).statusCode()).isEqualTo(200);

        assertThat(statusOf(boris)).as("approved onto the list first, so first in line").isEqualTo("CONFIRMED");
        assertThat(statusOf(ana)).as("registered first, but approved last").isEqualTo("WAITLISTED");
        assertSeats(conference, 0, 1);

        // No longer moderated: a newcomer joins the list behind those approved onto it.
        HttpResponse<String> updated = send(HttpRequest.newBuilder(url("/api/conferences/" + conference))
                .header("Content-Type", "application/json").header("Authorization", ORGANISER)
                .PUT(HttpRequest.BodyPublishers.ofString(conferenceJson(conference, 1, null), StandardCharsets.UTF_8))
                .build());
        assertThat(json(updated).path("moderated").asBoolean()).isFalse();
        JsonNode georgi = registered(conference, "georgi.line", "en");
        assertThat(georgi.path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(cancel(boris).statusCode()).isEqualTo(200);
        assertThat(statusOf(ana)).isEqualTo("CONFIRMED");
        assertThat(statusOf(georgi)).isEqualTo("WAITLISTED");
        assertThat(cancel(ana).statusCode()).isEqualTo(200);
        assertThat(statusOf(georgi)).isEqualTo("CONFIRMED");
        assertSeats(conference, 0, 0);
    }

    @Test
    void anOrganiserOfAnotherTeamFindsNothingAndChangesNothing() {
        String conference = createModeratedConference("moderated-team", 5);
        JsonNode ana = registered(conference, "ana.team", "en");
        String outsider = "moderator-" + UUID.randomUUID().toString().substring(0, 8);
        createOrganiserAccount(outsider, "outsider-password");
        String asOutsider = basic(outsider, "outsider-password");

        List<HttpResponse<String>> refused = List.of(
                postJson(api(conference, id(ana)) + "/approve", "", asOutsider),
                postJson(api(conference, id(ana)) + "/decline", "", asOutsider),
                postJson("/api/conferences/" + conference + "/registrations/approve",
                        "{\"registrationIds\": [\"" + id(ana) + "\"]}", asOutsider),
                postJson("/api/conferences/" + conference + "/registrations/decline",
                        "{\"registrationIds\": [\"" + id(ana) + "\"]}", asOutsider));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("ana.team");
        });
        assertThat(postJson(api(conference, id(ana)) + "/approve", "", null).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(postJson("/api/conferences/" + conference + "/registrations/approve",
                "{\"registrationIds\": [\"" + id(ana) + "\"]}", null).statusCode()).isEqualTo(401);
        assertThat(statusOf(ana)).isEqualTo("PENDING");
    }

    @Test
    void badBodiesAreRefusedFieldByFieldAndNothingChanges() {
        String conference = createModeratedConference("moderated-invalid", 5);
        JsonNode ana = registered(conference, "ana.invalid", "en");
        String single = api(conference, id(ana)) + "/approve";
        String bulk = "/api/conferences/" + conference + "/registrations/approve";
        String tooMany = IntStream.range(0, 201).mapToObj(i -> "\"id-" + i + "\"").collect(Collectors.joining(","));

        assertInvalid(single, "{\"message\": \"" + "a".repeat(2001) + "\"}", "message");
        assertInvalid(single, "{\"message\": \"bell\\u0007\"}", "message");
        assertInvalid(single, "{\"note\": \"hi\"}", "note");
        assertInvalid(api(conference, id(ana)) + "/decline", "{\"message\": 5}", "message");
        assertInvalid(bulk, "{\"registrationIds\": []}", "registrationIds");
        assertInvalid(bulk, "{}", "registrationIds");
        assertInvalid(bulk, "{\"registrationIds\": [" + tooMany + "]}", "registrationIds");
        assertInvalid(bulk, "{\"registrationIds\": [\"" + id(ana) + "\"], \"message\": {\"de\": \"Hallo\"}}",
                "message[de]");
        assertInvalid("/api/conferences/" + conference + "/registrations/decline",
                "{\"registrationIds\": [\"" + id(ana) + "\"], \"message\": {\"en\": \"" + "a".repeat(2001) + "\"}}",
                "message[en]");

        assertThat(statusOf(ana)).isEqualTo("PENDING");
        assertThat(json(get(api(conference, id(ana)), PROBLEM_JSON, ORGANISER)).path("history")).hasSize(1);
    }

    @Test
    void aConferenceIsModeratedOnlyWhenAskedAndTheFlagCanBeChanged() {
        String plain = createConference("not-moderated", 5);
        assertThat(json(get("/api/conferences/" + plain, "application/json", null)).path("moderated").asBoolean())
                .isFalse();
        JsonNode ana = registered(plain, "ana.plain", "en");
        assertThat(ana.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(postJson(api(plain, id(ana)) + "/approve", "", ORGANISER).statusCode()).isEqualTo(409);

        HttpResponse<String> updated = send(HttpRequest.newBuilder(url("/api/conferences/" + plain))
                .header("Content-Type", "application/json").header("Authorization", ORGANISER)
                .PUT(HttpRequest.BodyPublishers.ofString(moderated(conferenceJson(plain, 5, null)), StandardCharsets.UTF_8))
                .build());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).path("moderated").asBoolean()).isTrue();
        assertThat(registered(plain, "boris.plain", "en").path("status").asString()).isEqualTo("PENDING");
        assertThat(statusOf(ana)).as("what was confirmed stays so").isEqualTo("CONFIRMED");

        assertThat(postJson("/api/conferences", conferenceJson(newConferenceId("moderated-bad"), 5, null)
                .replace("\"organiserNotifications\": \"IMMEDIATE\"}",
                        "\"organiserNotifications\": \"IMMEDIATE\", \"moderated\": \"yes\"}"), ORGANISER).statusCode())
                .isEqualTo(400);
    }

    private void assertInvalid(String path, String body, String field) {
        HttpResponse<String> response = postJson(path, body, ORGANISER);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(errorFields(response)).as(body).contains(field);
    }

    private String createModeratedConference(String prefix, int capacity) {
        String id = newConferenceId(prefix);
        HttpResponse<String> created = postJson("/api/conferences", moderated(conferenceJson(id, capacity, null)),
                ORGANISER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("moderated").asBoolean()).isTrue();
        return id;
    }

    static String moderated(String conferenceJson) {
        return conferenceJson.replace("\"organiserNotifications\": \"IMMEDIATE\"}",
                "\"organiserNotifications\": \"IMMEDIATE\", \"moderated\": true}");
    }

    private JsonNode registered(String conference, String name, String language) {
        HttpResponse<String> response = register(conference, registrationJson(name, "Moderated",
                name + ".moderated@example.org").replace("\"language\": \"en\"", "\"language\": \"" + language + "\""));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private void approve(String conference, JsonNode registration) {
        HttpResponse<String> approved = postJson(api(conference, id(registration)) + "/approve", "", ORGANISER);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
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

    private static PublishedEvents.Published only(List<PublishedEvents.Published> events, String registrationId,
            String kind) {
        List<PublishedEvents.Published> found = new ArrayList<>(events.stream()
                .filter(e -> e.key().equals(registrationId) && e.kind().equals(kind)).toList());
        assertThat(found).as(kind + " of " + registrationId).hasSize(1);
        return found.get(0);
    }

    private static String api(String conference, String registration) {
        return "/api/conferences/" + conference + "/registrations/" + registration;
    }

    private static String id(JsonNode registration) {
        return registration.path("id").asString();
    }
}
