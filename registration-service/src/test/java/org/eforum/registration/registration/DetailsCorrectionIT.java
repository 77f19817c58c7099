package org.eforum.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EmailHash;
import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The participant corrects their own registration with their link: the details as the form checks them, one
 * details-changed event naming what changed, nothing for no change; a new address only through the one-off link
 * mailed to it, after which the registration is that address's (sealed under its person's key).
 */
class DetailsCorrectionIT extends IntegrationSupport {

    private String conference;

    @BeforeEach
    void aConferenceWithQuestions() {
        conference = createConferenceAsking("corrections", 20, INTERPRETATION_AND_DIET);
    }

    @Test
    void aCorrectionIsStoredWithOneEventNamingWhatChangedAndNoChangePublishesNothing() {
        JsonNode ana = registered("ana");

        HttpResponse<String> corrected = putDetails(ana, details("ana." + conference + "@example.org",
                "Open Society Foundation", "{\"interpretation\": \"into-en\", \"diet\": \"Vegan\"}"));
        HttpResponse<String> again = putDetails(ana, details("ana." + conference + "@example.org",
                "Open Society Foundation", "{\"interpretation\": \"into-en\", \"diet\": \"Vegan\"}"));

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(json(corrected).path("organisation").asString()).isEqualTo("Open Society Foundation");
        assertThat(json(corrected).has("pendingEmail")).isFalse();
        assertThat(again.statusCode()).as("nothing to change").isEqualTo(200);
        JsonNode view = view(ana);
        assertThat(view.path("organisation").asString()).isEqualTo("Open Society Foundation");
        assertThat(view.at("/answers/interpretation").asString()).isEqualTo("into-en");
        assertThat(view.at("/answers/diet").asString()).isEqualTo("Vegan");
        assertThat(view.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(view.path("notes").asString()).as("kept as submitted").startsWith("Vegetarian lunch");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(id(ana)));
            assertThat(PublishedEvents.kindsOf(events, id(ana))).containsExactly("confirmed", "details-changed");
            JsonNode changed = events.get(1).data();
            assertThat(events.get(1).sequence()).isEqualTo(2);
            assertThat(changed.path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(texts(changed.path("changedFields")))
                    .containsExactly("organisation", "answers.interpretation", "answers.diet");
            assertThat(changed.at("/participant/organisation").asString()).isEqualTo("Open Society Foundation");
            assertThat(changed.at("/participant/answers/diet").asString()).isEqualTo("Vegan");
        });
        assertThat(organiserHistory(ana)).contains("DETAILS_CHANGED");
    }

    @Test
    void aRefusedCorrectionNamesTheFieldAndChangesNothing() {
        JsonNode ana = registered("ana");

        HttpResponse<String> badAnswer = putDetails(ana, details("ana." + conference + "@example.org",
                "Other Org", "{\"interpretation\": \"into-de\"}"));
        HttpResponse<String> blankName = putDetails(ana, details("ana." + conference + "@example.org",
                "Other Org", "{\"interpretation\": \"none\"}").replace("\"firstName\": \"Ana\"", "\"firstName\": \"\""));
        HttpResponse<String> withNotes = putDetails(ana, details("ana." + conference + "@example.org",
                "Other Org", "{\"interpretation\": \"none\"}").replace("\"language\"", "\"notes\": \"x\", \"language\""));
        HttpResponse<String> wrongToken = send(HttpRequest.newBuilder(url("/api/registrations/" + id(ana)
                        + "/details?token=not-the-token")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", nextClientAddress()).PUT(HttpRequest.BodyPublishers.ofString(
                        details("ana." + conference + "@example.org", "Other Org", "{\"interpretation\": \"none\"}")))
                .build());

        assertThat(badAnswer.statusCode()).isEqualTo(400);
        assertThat(badAnswer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(errorFields(badAnswer)).containsExactly("answers.interpretation");
        assertThat(blankName.statusCode()).isEqualTo(400);
        assertThat(errorFields(blankName)).contains("firstName");
        assertThat(withNotes.statusCode()).isEqualTo(400);
        assertThat(errorFields(withNotes)).containsExactly("notes");
        assertThat(wrongToken.statusCode()).isEqualTo(404);
        assertThat(view(ana).path("organisation").asString()).isEqualTo("Open Society Institute");
        assertThat(view(ana).at("/answers/interpretation").asString()).isEqualTo("none");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                PublishedEvents.kindsOf(PublishedEvents.of(bootstrapServers, List.of(id(ana))), id(ana)))
                .containsExactly("confirmed"));
    }

    @Test
    void aCorrectionKeepsToTheContractsInputRulesAnswersIncludedAndAHostileOneChangesNothing() {
        JsonNode ana = registered("ana");
        String valid = details("ana." + conference + "@example.org", "Open Society Institute",
                "{\"interpretation\": \"none\", \"diet\": \"Vegan\"}");
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("organisation", valid.replace("\"Open Society Institute\"", "\"Open \\u202EInstitute\""));
        hostile.put("lastName", valid.replace("\"Petrova\"", "\"Petrova\\u0007\""));
        hostile.put("vip", valid.replace("\"language\": \"en\"", "\"language\": \"en\", \"vip\": true"));
        hostile.put("consents.listInDirectory", valid.replace("\"listInDirectory\": true", "\"listInDirectory\": 1"));
        hostile.put("firstName", valid.replace("\"firstName\": \"Ana\"", "\"firstName\": 42"));
        hostile.put("country", valid.replace("\"country\": \"BG\"", "\"country\": \"XX\""));
        hostile.put("position", valid.replace("\"Researcher\"", "\"" + "R".repeat(201) + "\""));
        hostile.put("answers.diet", valid.replace("\"Vegan\"", "\"Vegan\\u202E\\u0000\""));

        hostile.forEach((field, body) -> {
            HttpResponse<String> refused = putDetails(ana, body);
            assertThat(refused.statusCode()).as(field + ": " + refused.body()).isEqualTo(400);
            assertThat(errorFields(refused)).as(field).contains(field);
            assertThat(refused.body()).as("never reflected unescaped").doesNotContain("\u202E", "<script");
        });

        assertThat(view(ana).path("organisation").asString()).isEqualTo("Open Society Institute");
        assertThat(view(ana).path("lastName").asString()).isEqualTo("Petrova");
        assertThat(view(ana).path("answers").has("diet")).isFalse();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                PublishedEvents.kindsOf(PublishedEvents.of(bootstrapServers, List.of(id(ana))), id(ana)))
                .containsExactly("confirmed"));
    }

    @Test
    void afterRegistrationClosesOrOnceCancelledNothingCanBeCorrected() {
        JsonNode ana = registered("ana");
        JsonNode boris = registered("boris");
        HttpResponse<String> cancelled = postJson("/api/registrations/" + id(boris) + "/cancel?token="
                + tokenOf(boris.path("selfServiceUrl").asString()), "", null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        HttpResponse<String> borisCorrects = putDetails(boris, details("boris." + conference + "@example.org",
                "Other Org", "{\"interpretation\": \"none\"}").replace("\"Ana\"", "\"Boris\""));
        assertThat(borisCorrects.statusCode()).isEqualTo(409);
        assertThat(json(borisCorrects).path("title").asString()).isEqualTo("Registration is not active");

        HttpResponse<String> closed = putJson("/api/conferences/" + conference,
                conferenceJson(conference, 20, Instant.now().minusSeconds(60).toString()), ORGANISER);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        HttpResponse<String> tooLate = putDetails(ana, details("ana." + conference + "@example.org", "Other Org",
                "{\"interpretation\": \"none\"}"));

        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(json(tooLate).path("title").asString()).isEqualTo("Corrections are closed");
        assertThat(view(ana).path("organisation").asString()).isEqualTo("Open Society Institute");
    }

    @Test
    void aNewAddressChangesOnlyThroughTheLinkMailedToItAndTheRegistrationIsThenSealedUnderItsKey() {
        JsonNode ana = registered("ana");
        String oldEmail = "ana." + conference + "@example.org";
        String newEmail = "ana.new." + conference + "@example.org";

        HttpResponse<String> asked = putDetails(ana, details(newEmail, "Open Society Institute",
                "{\"interpretation\": \"none\"}"));

        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(json(asked).path("pendingEmail").asString()).isEqualTo(newEmail);
        assertThat(json(asked).path("email").asString()).as("unchanged until confirmed").isEqualTo(oldEmail);
        assertThat(view(ana).path("email").asString()).isEqualTo(oldEmail);
        // opened once the person's key has been read too: until then the record reads as sealed
        JsonNode changeRequested = await().atMost(Duration.ofSeconds(30)).until(() -> PublishedEvents.of(
                        bootstrapServers, List.of(id(ana))).stream().filter(e -> e.kind().equals("email-change-requested"))
                .map(e -> e.data()).filter(data -> !data.path("participant").has("personal")).findFirst()
                .orElse(null), data -> data != null);
        assertThat(changeRequested.path("newEmail").asString()).isEqualTo(newEmail);
        assertThat(changeRequested.path("sequence").asLong()).as("changes nothing").isEqualTo(1);
        String confirmationUrl = changeRequested.path("confirmationUrl").asString();
        assertThat(confirmationUrl).contains("/registrations/" + id(ana) + "/email?token=");
        ConsumerRecord<String, byte[]> requested = records(id(ana)).get(1);
        assertThat(new String(requested.value(), StandardCharsets.UTF_8)).as("sealed")
                .doesNotContain(newEmail, oldEmail, tokenOf(confirmationUrl));

        HttpResponse<String> confirmed = confirmEmail(id(ana), tokenOf(confirmationUrl));
        HttpResponse<String> again = confirmEmail(id(ana), tokenOf(confirmationUrl));

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).path("email").asString()).isEqualTo(newEmail);
        assertThat(json(confirmed).path("addressConfirmedAt").asString()).isNotBlank();
        assertThat(again.statusCode()).as("the link works once").isEqualTo(404);
        assertThat(view(ana).path("email").asString()).isEqualTo(newEmail);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(id(ana)));
            assertThat(PublishedEvents.kindsOf(events, id(ana)))
                    .containsExactly("confirmed", "email-change-requested", "details-changed");
            JsonNode changed = events.get(2).data();
            assertThat(texts(changed.path("changedFields"))).containsExactly("email");
            assertThat(changed.at("/participant/email").asString()).isEqualTo(newEmail);
            assertThat(changed.path("sequence").asLong()).isEqualTo(2);
            ConsumerRecord<String, byte[]> raw = records(id(ana)).get(2);
            JsonNode sealed = JSON.readTree(new String(raw.value(), StandardCharsets.UTF_8));
            assertThat(sealed.at("/participant/personal/personId").asString())
                    .as("sealed under the new address's person").isEqualTo(EmailHash.of(newEmail))
                    .isNotEqualTo(EmailHash.of(oldEmail));
            assertThat(raw.value()).asString(StandardCharsets.UTF_8).doesNotContain(newEmail);
        });
        assertThat(organiserHistory(ana)).contains("EMAIL_CHANGE_REQUESTED", "EMAIL_CHANGED");
        HttpResponse<String> oldAddressAgain = register(conference, withAnswers(registrationJson("Ana", "Petrova",
                oldEmail), "{\"interpretation\": \"none\"}"));
        assertThat(oldAddressAgain.statusCode()).as("the old address is free again").isEqualTo(201);
    }

    @Test
    void anAddressAnotherRegistrationHasIsRefusedWhenAskedAndWhenConfirmed() {
        JsonNode ana = registered("ana");
        JsonNode boris = registered("boris");
        String borisEmail = "boris." + conference + "@example.org";
        String vera = "vera." + conference + "@example.org";

        HttpResponse<String> taken = putDetails(ana, details(borisEmail, "Open Society Institute",
                "{\"interpretation\": \"none\"}"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).path("title").asString()).isEqualTo("E-mail address taken");
        assertThat(view(ana).path("email").asString()).isEqualTo("ana." + conference + "@example.org");
        assertThat(view(boris).path("email").asString()).isEqualTo(borisEmail);

        HttpResponse<String> asked = putDetails(ana, details(vera, "Open Society Institute",
                "{\"interpretation\": \"none\"}"));
        assertThat(asked.statusCode()).isEqualTo(202);
        String confirmationUrl = await().atMost(Duration.ofSeconds(30)).until(() -> PublishedEvents.of(
                        bootstrapServers, List.of(id(ana))).stream().filter(e -> e.kind().equals("email-change-requested"))
                .map(e -> e.data()).filter(data -> data.has("confirmationUrl")).findFirst()
                .map(data -> data.path("confirmationUrl").asString()).orElse(null), url -> url != null);
        assertThat(register(conference, withAnswers(registrationJson("Vera", "Nikolova", vera),
                "{\"interpretation\": \"none\"}")).statusCode()).isEqualTo(201);

        HttpResponse<String> takenMeanwhile = confirmEmail(id(ana), tokenOf(confirmationUrl));

        assertThat(takenMeanwhile.statusCode()).isEqualTo(409);
        assertThat(view(ana).path("email").asString()).isEqualTo("ana." + conference + "@example.org");
    }

    private JsonNode registered(String name) {
        HttpResponse<String> response = register(conference, withAnswers(registrationJson(
                name.substring(0, 1).toUpperCase() + name.substring(1), "Petrova", name + "." + conference
                        + "@example.org"), "{\"interpretation\": \"none\"}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** The registration form's body without notes (they cannot be corrected). */
    private static String details(String email, String organisation, String answers) {
        return """
                {"firstName": "Ana", "lastName": "Petrova", "email": "%s",
                 "organisation": "%s", "stakeholderType": "CIVIL_SOCIETY",
                 "country": "BG", "position": "Researcher", "language": "en",
                 "consents": {"dataProcessing": true, "listInDirectory": true, "joinExpertsNetwork": false},
                 "answers": %s}
                """.formatted(email, organisation, answers);
    }

    private static String withAnswers(String registration, String answers) {
        int end = registration.lastIndexOf('}');
        return registration.substring(0, end) + ", \"answers\": " + answers + "}";
    }

    private HttpResponse<String> putDetails(JsonNode registration, String body) {
        return send(HttpRequest.newBuilder(url("/api/registrations/" + id(registration) + "/details?token="
                        + tokenOf(registration.path("selfServiceUrl").asString())))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("X-Forwarded-For", nextClientAddress())
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<String> confirmEmail(String id, String changeToken) {
        return postJson("/api/registrations/" + id + "/email/confirm?token=" + changeToken, "", null);
    }

    private JsonNode view(JsonNode registration) {
        return json(get("/api/registrations/" + id(registration) + "?token="
                + tokenOf(registration.path("selfServiceUrl").asString()), "application/json", null));
    }

    /** The registration's history as the organisers' one-registration page lists it (its rows' change names). */
    private String organiserHistory(JsonNode registration) {
        HttpResponse<String> one = get("/api/conferences/" + conference + "/registrations/" + id(registration),
                "application/json", ORGANISER);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        return json(one).path("history").toString();
    }

    private List<ConsumerRecord<String, byte[]>> records(String registrationId) {
        return EventLog.readAll(bootstrapServers, Topics.REGISTRATIONS).stream()
                .filter(record -> record.key().equals(registrationId)).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }

    private static String id(JsonNode registration) {
        return registration.path("id").asString();
    }
}
