package org.eforum.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.kafka.CloudEventHeaders;
import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A participant registers over the JSON API, gets a seat or a place on the waiting list, and Kafka hears of it. */
class RegistrationApiIT extends IntegrationSupport {

    @Test
    void theFirstComersAreConfirmedAndTheNextOneIsWaitlisted() {
        String conference = createConference("capacity-two", 2);

        HttpResponse<String> first = register(conference, registrationJson("Ana", "Petrova", "ana@example.org"));
        HttpResponse<String> second = register(conference, registrationJson("Boris", "Georgiev", "boris@example.org"));
        HttpResponse<String> third = register(conference, registrationJson("Vera", "Dimitrova", "vera@example.org"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(first.headers().firstValue("Location")).hasValue("/api/registrations/" + json(first).path("id").asString());
        assertThat(json(first).path("selfServiceUrl").asString()).contains("/registrations/" + json(first).path("id").asString() + "?token=");
        assertThat(json(second).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(third.statusCode()).isEqualTo(201);
        assertThat(json(third).path("status").asString()).isEqualTo("WAITLISTED");

        JsonNode seats = json(get("/api/conferences/" + conference, "application/json", null));
        assertThat(seats.path("seatsLeft").asInt()).isZero();
        assertThat(seats.path("waitlistLength").asInt()).isEqualTo(1);
    }

    @Test
    void theSameAddressInAnotherCaseIsAConflictThatNamesNothingOfTheFirstRegistration() {
        String conference = createConference("duplicate", 10);
        JsonNode first = json(register(conference, registrationJson("Ana", "Petrova", "Ana.Petrova@example.org")));
        String firstId = first.path("id").asString();

        HttpResponse<String> again = register(conference, registrationJson("Ana", "Petrova", "ana.petrova@EXAMPLE.org"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(again);
        assertThat(problem.path("title").asString()).isEqualTo("Already registered");
        assertThat(problem.path("detail").asString()).contains("link to the registration has been sent to that address");
        assertThat(problem.has("registrationId")).isFalse();
        assertThat(problem.has("id")).isFalse();
        assertThat(problem.path("status").asInt()).as("the HTTP status, not the registration's").isEqualTo(409);
        assertThat(again.body()).doesNotContain(firstId, "CONFIRMED", "token", tokenOf(first.path("selfServiceUrl").asString()));
        assertThat(again.headers().firstValue("Location")).isEmpty();
        assertThat(json(get("/api/conferences/" + conference, "application/json", null)).path("seatsLeft").asInt())
                .isEqualTo(9);
    }

    @Test
    void invalidBodiesAreRefusedFieldByFieldAndNothingIsStored() {
        String conference = createConference("validation", 5);
        String valid = registrationJson("Ana", "Petrova", "ana@example.org");

        assertInvalid(conference, valid.replace("\"firstName\": \"Ana\", ", ""), "firstName");
        assertInvalid(conference, valid.replace("\"dataProcessing\": true", "\"dataProcessing\": false"),
                "consents.dataProcessing");
        assertInvalid(conference, valid.replace("\"language\": \"en\"", "\"language\": \"en\", \"vip\": true"), "vip");
        assertInvalid(conference, valid.replace("\"listInDirectory\": true", "\"listInDirectory\": 1"),
                "consents.listInDirectory");
        assertInvalid(conference, valid.replace("\"Petrova\"", "\"Petrova\\u0007\""), "lastName");
        assertInvalid(conference, valid.replace("\"Open Society Institute\"", "\"Open \\u202EInstitute\""), "organisation");
        assertInvalid(conference, valid.replace("ana@example.org", "a@b"), "email");
        assertInvalid(conference, valid.replace("\"country\": \"BG\"", "\"country\": \"XX\""), "country");
        assertInvalid(conference, valid.replace("\"firstName\": \"Ana\"", "\"firstName\": 42"), "firstName");

        JsonNode seats = json(get("/api/conferences/" + conference, "application/json", null));
        assertThat(seats.path("seatsLeft").asInt()).isEqualTo(5);
        assertThat(json(get("/api/conferences/" + conference + "/registrations", "application/json", ORGANISER)))
                .isEmpty();
    }

    @Test
    void anEnumGivenAsANumberIsRefused() {
        String conference = createConference("enum-number", 5);
        String valid = registrationJson("Ana", "Petrova", "ana@example.org");

        assertInvalid(conference, valid.replace("\"CIVIL_SOCIETY\"", "3"), "stakeholderType");
        assertInvalid(conference, valid.replace("\"CIVIL_SOCIETY\"", "\"3\""), "stakeholderType");
        assertInvalid(conference, valid.replace("\"language\": \"en\"", "\"language\": 1"), "language");

        assertThat(json(get("/api/conferences/" + conference + "/registrations", "application/json", ORGANISER)))
                .isEmpty();
    }

    @Test
    void invalidUtf8IsRefusedAndNothingIsStored() {
        String conference = createConference("utf8", 5);
        byte[] valid = registrationJson("Maria", "Petrova", "maria@example.org").getBytes(StandardCharsets.UTF_8);
        // "Ma" C0 AF "ria": an overlong encoding of '/', which a lenient decoder turns into "Ma/ria".
        String text = new String(valid, StandardCharsets.ISO_8859_1).replace("Maria", "Ma\u00C0\u00AFria");
        byte[] overlong = text.getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/conferences/" + conference + "/registrations"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(overlong)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(get("/api/conferences/" + conference + "/registrations", "application/json", ORGANISER)))
                .isEmpty();
    }

    @Test
    void aNumberSentAsAStringIsRefused() {
        String body = conferenceJson(newConferenceId("string-capacity"), 10, null)
                .replace("\"capacity\": 10", "\"capacity\": \"10\"");

        HttpResponse<String> response = postJson("/api/conferences", body, ORGANISER);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("capacity");
    }

    @Test
    void cyrillicNamesAreKeptAsTyped() {
        String conference = createConference("cyrillic", 5);
        String body = registrationJson("Иван", "Петров-Стоянов", "ivan@example.bg")
                .replace("Open Society Institute", "Българска асоциация за бежанци и мигранти");

        HttpResponse<String> created = register(conference, body);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode registration = json(get(selfServicePath(created), "application/json", null));
        assertThat(registration.path("firstName").asString()).isEqualTo("Иван");
        assertThat(registration.path("lastName").asString()).isEqualTo("Петров-Стоянов");
        assertThat(registration.path("organisation").asString()).isEqualTo("Българска асоциация за бежанци и мигранти");
    }

    @Test
    void anUnknownConferenceIsNotFound() {
        HttpResponse<String> response = register("no-such-conference", registrationJson("Ana", "Petrova", "ana@example.org"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void registeringAfterTheWindowClosedIsAConflictWithAClearTitle() {
        String conference = newConferenceId("closed");
        postJson("/api/conferences", conferenceJson(conference, 10, Instant.now().minusSeconds(3600).toString()), ORGANISER);

        HttpResponse<String> response = register(conference, registrationJson("Ana", "Petrova", "ana@example.org"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).path("title").asString()).isEqualTo("Registration is closed");
    }

    @Test
    void registeringBeforeTheWindowOpensIsAConflictToo() {
        String conference = newConferenceId("not-yet");
        postJson("/api/conferences", conferenceJson(conference, 10, null).replace("\"registrationCloses\": null",
                "\"registrationOpens\": \"" + Instant.now().plusSeconds(86_400) + "\", \"registrationCloses\": null"), ORGANISER);

        HttpResponse<String> response = register(conference, registrationJson("Ana", "Petrova", "ana@example.org"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).path("title").asString()).isEqualTo("Registration is not open yet");
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsTooLarge() {
        String conference = createConference("large", 5);
        String body = registrationJson("Ana", "Petrova", "ana@example.org")
                .replace("Vegetarian lunch, please.", "x".repeat(70 * 1024));

        HttpResponse<String> response = register(conference, body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aChunkedBodyOverSixtyFourKibibytesIsTooLargeToo() {
        String conference = createConference("large-chunked", 5);
        byte[] body = registrationJson("Ana", "Petrova", "ana@example.org")
                .replace("Vegetarian lunch, please.", "x".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/conferences/" + conference + "/registrations"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(chunked(body)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aChunkedFormPostOverSixtyFourKibibytesIsTooLarge() {
        String conference = createConference("large-form", 5);
        byte[] body = ("firstName=Ana&lastName=Petrova&notes=" + "x".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/conferences/" + conference + "/register"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(chunked(body)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /** A body of unknown length: the client sends it with {@code Transfer-Encoding: chunked}. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
    }

    @Test
    void plainTextIsAnUnsupportedMediaType() {
        String conference = createConference("plain-text", 5);
        HttpRequest request = HttpRequest.newBuilder(url("/api/conferences/" + conference + "/registrations"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(registrationJson("Ana", "Petrova", "ana@example.org")))
                .build();

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anonymousCallersGetAProblemToo() {
        HttpResponse<String> response = get("/api/conferences/any/registrations", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aConfirmedRegistrationIsPublishedAsACloudEventKeyedByItsId() {
        String conference = createConference("event", 5);
        HttpResponse<String> created = register(conference, registrationJson("Ana", "Petrova", "ana.event@example.org"));
        String id = json(created).path("id").asString();

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(20)).until(
                () -> EventLog.readAll(bootstrapServers, Topics.REGISTRATIONS).stream()
                        .filter(r -> id.equals(r.key())).findFirst().orElse(null),
                r -> r != null);

        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, CloudEventHeaders.ID))).isNotNull();
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/eforum/registration-service");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("org.eforum.registration.confirmed.v1");
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        // on the topic the participant's details are sealed (CryptoShreddingIT); opened with their key they are these
        assertThat(JSON.readTree(record.value()).path("participant").has("email")).isFalse();
        JsonNode data = PublishedEvents.opened(bootstrapServers, record);
        assertThat(data.path("eventId").asString()).isEqualTo(header(record, CloudEventHeaders.ID));
        assertThat(data.path("registrationId").asString()).isEqualTo(id);
        assertThat(data.path("participant").path("email").asString()).isEqualTo("ana.event@example.org");
        assertThat(data.path("participant").path("consents").path("listInDirectory").asBoolean()).isTrue();
        assertThat(data.path("conference").path("id").asString()).isEqualTo(conference);
        assertThat(data.path("conference").path("contact").path("email").asString()).isEqualTo("maria@eforum.example.org");
        assertThat(data.path("conference").path("cc").get(0).asString()).isEqualTo("team@eforum.example.org");
        assertThat(data.path("selfServiceUrl").asString()).isEqualTo(json(created).path("selfServiceUrl").asString());
    }

    @Test
    void theParticipantSeesTheirRegistrationWithTheTokenOnly() {
        String conference = createConference("self-service", 5);
        HttpResponse<String> created = register(conference, registrationJson("Ana", "Petrova", "ana@example.org"));
        String id = json(created).path("id").asString();

        HttpResponse<String> own = get(selfServicePath(created), "application/json", null);
        HttpResponse<String> wrongToken = get("/api/registrations/" + id + "?token=bm90LXRoZS10b2tlbg", "application/json", null);
        HttpResponse<String> noToken = get("/api/registrations/" + id, "application/json", null);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(json(own).path("conferenceId").asString()).isEqualTo(conference);
        assertThat(wrongToken.statusCode()).isEqualTo(404);
        assertThat(noToken.statusCode()).isEqualTo(404);
    }

    @Test
    void organisersDownloadTheListAsSpreadsheetFriendlyCsv() {
        String conference = createConference("csv", 5);
        register(conference, registrationJson("Иван", "Петров", "ivan@example.bg")
                .replace("Open Society Institute", "Institute \\\"Open\\\", Sofia"));

        HttpRequest request = HttpRequest.newBuilder(url("/api/conferences/" + conference + "/registrations"))
                .header("Accept", "text/csv").header("Authorization", ORGANISER).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        byte[] body = response.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("\"id\",\"status\",").contains("\"firstName\",\"lastName\",\"email\"");
        assertThat(lines[1]).contains("\"Иван\",\"Петров\",\"ivan@example.bg\",\"Institute \"\"Open\"\", Sofia\"");
    }

    private void assertInvalid(String conference, String body, String field) {
        HttpResponse<String> response = register(conference, body);
        assertThat(response.statusCode()).as("status for a bad %s: %s", field, response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(errorFields(response)).as("errors for a bad %s: %s", field, response.body()).contains(field);
    }

    /** The API twin of the self-service link in the 201 body. */
    private static String selfServicePath(HttpResponse<String> created) {
        JsonNode body = json(created);
        return "/api/registrations/" + body.path("id").asString() + "?token=" + tokenOf(body.path("selfServiceUrl").asString());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
