package org.eforum.registration.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.registration.page.Browser.attribute;
import static org.eforum.registration.page.Browser.tag;
import static org.eforum.registration.page.Browser.textOf;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.eforum.registration.page.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An organiser writes to a conference's participants, by the API and by the pages: the audience decides who gets
 * it (never the cancelled), each recipient's registration gets one participant-messaged event in their language,
 * bad input changes nothing, and an organiser outside the team can neither send nor read.
 */
class MessagesIT extends IntegrationSupport {

    private static final String VALID = """
            {"audience": "%s",
             "subject": {"bg": "Програмата", "en": "The programme"},
             "body": {"bg": "Уважаеми участници,\\nпрограмата е готова.", "en": "Dear participants,\\nthe programme is ready."}}
            """;

    private String conference;
    private JsonNode ana;
    private JsonNode boris;
    private JsonNode vera;
    private JsonNode georgi;

    /** Two seats: Ana (bg) and Vera confirmed (Vera promoted when Boris cancelled), Georgi waiting, Boris cancelled. */
    @BeforeEach
    void aConferenceWithEveryKindOfRegistration() {
        conference = createConference("messages", 2);
        ana = registered("ana", "bg");
        boris = registered("boris", "en");
        vera = registered("vera", "en");
        georgi = registered("georgi", "en");
        HttpResponse<String> cancelled = postJson("/api/registrations/" + boris.path("id").asString() + "/cancel?token="
                + tokenOf(boris.path("selfServiceUrl").asString()), "", null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
    }

    @Test
    void theAudienceDecidesWhoGetsTheMessageEachInTheirLanguageAndTheCancelledNever() {
        HttpResponse<String> toConfirmed = postJson(messagesPath(), VALID.formatted("CONFIRMED"), ORGANISER);

        assertThat(toConfirmed.statusCode()).isEqualTo(201);
        assertThat(toConfirmed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("/api/conferences/" + conference + "/messages/"));
        assertThat(json(toConfirmed).path("recipients").asInt()).isEqualTo(2);
        HttpResponse<String> one = get(toConfirmed.headers().firstValue("Location").orElseThrow(), "application/json",
                ORGANISER);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).path("audience").asString()).isEqualTo("CONFIRMED");
        String elsewhere = createConference("messages-elsewhere", 5);
        assertThat(get("/api/conferences/" + elsewhere + "/messages/" + json(toConfirmed).path("id").asString(),
                "application/json", ORGANISER).statusCode()).as("another conference's message").isEqualTo(404);
        assertThat(json(postJson(messagesPath(), VALID.formatted("WAITLISTED"), ORGANISER)).path("recipients").asInt())
                .isEqualTo(1);
        assertThat(json(postJson(messagesPath(), VALID.formatted("ALL"), ORGANISER)).path("recipients").asInt())
                .isEqualTo(3);

        List<String> ids = List.of(id(ana), id(boris), id(vera), id(georgi));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, ids);
            assertThat(messaged(events, id(ana))).hasSize(2);
            assertThat(messaged(events, id(vera))).hasSize(2);
            assertThat(messaged(events, id(georgi))).hasSize(2);
            assertThat(messaged(events, id(boris))).as("cancelled: never").isEmpty();
            JsonNode toAna = messaged(events, id(ana)).get(0).data();
            assertThat(toAna.path("messageLanguage").asString()).isEqualTo("bg");
            assertThat(toAna.path("subject").asString()).isEqualTo("Програмата");
            assertThat(toAna.path("body").asString()).isEqualTo("Уважаеми участници,\nпрограмата е готова.");
            assertThat(toAna.path("messageId").asString()).isEqualTo(json(toConfirmed).path("id").asString());
            assertThat(toAna.at("/participant/email").asString()).as("opened with the person's key")
                    .isEqualTo("ana@example.org");
            JsonNode toVera = messaged(events, id(vera)).get(0).data();
            assertThat(toVera.path("subject").asString()).isEqualTo("The programme");
            assertThat(toVera.path("status").asString()).isEqualTo("CONFIRMED");
        });

        // On Kafka, as every registration event: the participant's address and link only sealed.
        assertThat(org.eforum.testsupport.EventLog.readAll(bootstrapServers, org.eforum.contracts.Topics.REGISTRATIONS)
                .stream().filter(record -> record.key().equals(id(ana))).map(record -> new String(record.value(),
                        java.nio.charset.StandardCharsets.UTF_8)))
                .anySatisfy(value -> assertThat(value).contains("Програмата"))
                .allSatisfy(value -> assertThat(value).doesNotContain("ana@example.org", "token="));

        JsonNode sent = json(get(messagesPath(), "application/json", ORGANISER));
        assertThat(sent.size()).isEqualTo(3);
        assertThat(sent.get(0).path("audience").asString()).as("newest first").isEqualTo("ALL");
        assertThat(sent.get(2).path("audience").asString()).isEqualTo("CONFIRMED");
        assertThat(sent.get(2).path("sentBy").asString()).isEqualTo("organiser");
        assertThat(sent.get(2).path("recipients").asInt()).isEqualTo(2);
        assertThat(sent.get(2).path("sentAt").asString()).isNotBlank();
        assertThat(sent.get(2).at("/subject/bg").asString()).isEqualTo("Програмата");
    }

    @Test
    void aMessageToMoreRegistrationsThanOneBulkWriteHoldsReachesEachOfThemOnce() {
        // 500 registrations a bulk write: 501 take two.
        String large = createConference("messages-large", 600);
        List<String> ids = java.util.stream.IntStream.range(0, 501).parallel()
                .mapToObj(i -> json(register(large, registrationJson("P" + i, "Many", "many" + i + "@example.org"))))
                .map(MessagesIT::id).toList();
        assertThat(ids).doesNotContain("");

        HttpResponse<String> sent = postJson("/api/conferences/" + large + "/messages", VALID.formatted("ALL"), ORGANISER);

        assertThat(json(sent).path("recipients").asInt()).isEqualTo(501);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(PublishedEvents.of(bootstrapServers, ids)
                .stream().filter(e -> e.kind().equals("participant-messaged")).map(PublishedEvents.Published::key))
                .hasSize(501).doesNotHaveDuplicates());
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsSentOrStored() {
        Map<String, String> bad = Map.of(
                "{\"audience\": \"ALL\", \"subject\": {\"bg\": \"Тема\"}, \"body\": {\"bg\": \"Текст\", \"en\": \"Text\"}}",
                "subject.en",
                "{\"audience\": \"EVERYONE\", \"subject\": {\"bg\": \"Т\", \"en\": \"S\"}, \"body\": {\"bg\": \"Т\", \"en\": \"T\"}}",
                "audience",
                "{\"subject\": {\"bg\": \"Т\", \"en\": \"S\"}, \"body\": {\"bg\": \"Т\", \"en\": \"T\"}}", "audience",
                "{\"audience\": \"ALL\", \"subject\": {\"bg\": \"Т\", \"en\": \"S\\u0007\"}, \"body\": {\"bg\": \"Т\", \"en\": \"T\"}}",
                "subject[en]",
                "{\"audience\": \"ALL\", \"subject\": {\"bg\": \"Т\", \"en\": \"S\"}, \"body\": {\"bg\": \"Т\", \"en\": \"%s\"}}"
                        .formatted("x".repeat(10_001)), "body[en]",
                "{\"audience\": \"ALL\", \"subject\": {\"bg\": \"Т\", \"en\": \"S\", \"de\": \"B\"}, \"body\": {\"bg\": \"Т\", \"en\": \"T\"}}",
                "subject",
                "{\"audience\": \"ALL\", \"subject\": {\"bg\": \"Т\", \"en\": \"S\"}, \"body\": {\"bg\": \"Т\", \"en\": \"T\"}, \"cc\": []}",
                "cc",
                "{\"audience\": \"ALL\", \"subject\": {\"bg\": \"Т\", \"en\": \"  \"}, \"body\": {\"bg\": \"Т\", \"en\": \"T\"}}",
                "subject[en]");
        bad.forEach((body, field) -> {
            HttpResponse<String> refused = postJson(messagesPath(), body, ORGANISER);

            assertThat(refused.statusCode()).as(body.length() > 200 ? field : body).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(errorFields(refused)).as(field).anySatisfy(name -> assertThat(name).startsWith(field));
        });

        assertThat(json(get(messagesPath(), "application/json", ORGANISER)).size()).isZero();
        assertThat(PublishedEvents.of(bootstrapServers, List.of(id(ana), id(vera), id(georgi))))
                .noneMatch(event -> event.kind().equals("participant-messaged"));
    }

    @Test
    void anOrganiserOutsideTheTeamCanNeitherSendNorReadAndNothingIsSent() {
        String other = "msg-" + UUID.randomUUID().toString().substring(0, 8);
        createOrganiserAccount(other, "the other organiser's password");
        String asOther = basic(other, "the other organiser's password");

        HttpResponse<String> send = postJson(messagesPath(), VALID.formatted("ALL"), asOther);
        HttpResponse<String> read = get(messagesPath(), "application/json", asOther);

        assertThat(send.statusCode()).isEqualTo(403);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.body()).doesNotContain("Програмата");
        assertThat(json(get(messagesPath(), "application/json", ORGANISER)).size()).isZero();
        assertThat(postJson("/api/conferences/no-such-conference/messages", VALID.formatted("ALL"), ORGANISER)
                .statusCode()).isEqualTo(404);
        assertThat(get(messagesPath(), "application/json", null).statusCode()).isEqualTo(401);

        Browser outsider = loggedIn(other, "the other organiser's password", "en");
        HttpResponse<String> ownList = outsider.get("/organiser");
        for (String page : List.of(pagePath(), pagePath() + "/new")) {
            HttpResponse<String> refused = outsider.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(404);
            assertThat(refused.body()).as(page).doesNotContain("Integration Forum");
        }
        for (String action : List.of(pagePath() + "/preview", pagePath(), pagePath() + "/edit")) {
            assertThat(outsider.submit(ownList, action, validForm(UUID.randomUUID().toString())).statusCode())
                    .as(action).isEqualTo(404);
        }
        assertThat(json(get(messagesPath(), "application/json", ORGANISER)).size()).as("nothing sent").isZero();
    }

    @Test
    void inTheWorkspaceTheOrganiserWritesPreviewsWithTheCountAndSendsOnce() {
        Browser browser = loggedIn("organiser", "organiser", "en");
        HttpResponse<String> overview = browser.get("/organiser/conferences/" + conference);
        assertThat(overview.body()).contains("href=\"" + pagePath() + "\"");
        HttpResponse<String> form = browser.get(pagePath() + "/new");
        assertThat(form.statusCode()).isEqualTo(200);
        for (String name : List.of("subject.bg", "subject.en")) {
            String input = tag(form.body(), "input", "name", name).orElseThrow(() -> new AssertionError("no " + name));
            assertThat(tag(form.body(), "label", "for", attribute(input, "id").orElseThrow())).as(name).isPresent();
        }
        for (String name : List.of("body.bg", "body.en")) {
            String input = tag(form.body(), "textarea", "name", name).orElseThrow(() -> new AssertionError("no " + name));
            assertThat(tag(form.body(), "label", "for", attribute(input, "id").orElseThrow())).as(name).isPresent();
        }

        List<Map.Entry<String, String>> missingEnglish = new ArrayList<>(validForm(null));
        missingEnglish.removeIf(field -> field.getKey().equals("body.en"));
        missingEnglish.add(Map.entry("subject.en", "<b>x</b>\u0007"));
        missingEnglish.removeIf(field -> field.getKey().equals("subject.en") && field.getValue().equals("The programme"));
        HttpResponse<String> invalid = browser.submit(form, pagePath() + "/preview", missingEnglish);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(textOf(invalid.body(), "body-en-error")).hasValueSatisfying(
                error -> assertThat(error).contains("Write the message in English."));
        assertThat(textOf(invalid.body(), "subject-en-error")).hasValueSatisfying(
                error -> assertThat(error).contains("control characters"));
        assertThat(invalid.body()).doesNotContain("<b>x</b>").contains("&lt;b&gt;x&lt;/b&gt;");
        assertThat(json(get(messagesPath(), "application/json", ORGANISER)).size()).as("nothing sent").isZero();

        HttpResponse<String> preview = browser.submit(invalid, pagePath() + "/preview", validForm(null));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(textOf(preview.body(), "recipients")).hasValueSatisfying(text -> assertThat(text)
                .contains("It goes to 1 participant(s)").contains("The waiting list only"));
        assertThat(preview.body()).contains("Програмата", "The programme", "Dear participants,\nthe &lt;programme&gt;");
        assertThat(json(get(messagesPath(), "application/json", ORGANISER)).size()).as("a preview sends nothing").isZero();

        List<Map.Entry<String, String>> confirmed = hiddenFieldsOf(preview.body());
        HttpResponse<String> sent = browser.submit(preview, pagePath(), confirmed);
        assertThat(confirmed).extracting(Map.Entry::getKey).contains("audience", "messageId", "body.en");
        assertThat(sent.previousResponse()).hasValueSatisfying(
                redirect -> assertThat(redirect.statusCode()).as("POST-redirect-GET").isEqualTo(303));
        assertThat(sent.uri().getPath()).isEqualTo(pagePath());
        assertThat(sent.body()).contains("The message is sent to 1 participant(s).", "The programme", "organiser");
        assertThat(browser.submit(preview, pagePath(), confirmed).statusCode()).as("the same preview again").isEqualTo(200);

        JsonNode stored = json(get(messagesPath(), "application/json", ORGANISER));
        assertThat(stored.size()).as("sent once").isEqualTo(1);
        assertThat(stored.get(0).path("audience").asString()).isEqualTo("WAITLISTED");
        assertThat(stored.get(0).at("/body/en").asString()).isEqualTo("Dear participants,\nthe <programme> is ready.");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(id(ana), id(vera), id(georgi)));
            assertThat(events.stream().filter(e -> e.kind().equals("participant-messaged")).map(e -> e.key()))
                    .containsExactly(id(georgi));
        });

        HttpResponse<String> inBulgarian = browser.get(pagePath() + "?lang=bg");
        assertThat(inBulgarian.body()).contains("Изпратени съобщения", "Само списъкът на чакащите");
    }

    @Test
    void aConferenceInOneLanguageNeedsTheMessageInThatLanguageOnly() {
        String english = newConferenceId("messages-en");
        String json = conferenceJson(english, 10, null).replace("\"languages\": [\"bg\", \"en\"]", "\"languages\": [\"en\"]");
        assertThat(postJson("/api/conferences", json, ORGANISER).statusCode()).isEqualTo(201);
        JsonNode ivan = json(register(english, registrationJson("Ivan", "Bg", "ivan.bg@example.org")
                .replace("\"language\": \"en\"", "\"language\": \"bg\"")));

        HttpResponse<String> refused = postJson("/api/conferences/" + english + "/messages", VALID.formatted("ALL"),
                ORGANISER);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errorFields(refused)).contains("subject.bg", "body.bg");
        HttpResponse<String> sent = postJson("/api/conferences/" + english + "/messages",
                "{\"audience\": \"ALL\", \"subject\": {\"en\": \"Hello\"}, \"body\": {\"en\": \"Welcome.\"}}", ORGANISER);
        assertThat(sent.statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, List.of(ivan.path("id").asString()));
            JsonNode toIvan = messaged(events, ivan.path("id").asString()).get(0).data();
            assertThat(toIvan.path("messageLanguage").asString()).as("the conference's language").isEqualTo("en");
            assertThat(toIvan.path("subject").asString()).isEqualTo("Hello");
        });
    }

    @org.springframework.beans.factory.annotation.Autowired
    private MessageHandover handover;
    @org.springframework.beans.factory.annotation.Autowired
    private ConferenceMessages stored;
    @org.springframework.beans.factory.annotation.Autowired
    private org.eforum.registration.registration.ParticipantMessages participants;
    @org.springframework.beans.factory.annotation.Autowired
    private org.eforum.registration.conference.Conferences conferences;

    /**
     * A process stopped in the middle of a send to all: the message was stored and handed to the confirmed ones
     * only. The next round hands it to the rest, each recipient has it once, and a further round changes nothing.
     */
    @Test
    void aHandoverAStoppedProcessLeftUnfinishedIsFinishedByTheNextRoundOnceForEach() {
        String messageId = UUID.randomUUID().toString();
        ConferenceMessage halfSent = new ConferenceMessage(messageId, conference, Audience.ALL,
                Map.of("bg", "Програмата", "en", "The programme"), Map.of("bg", "Текст", "en", "Text"), "organiser",
                java.time.Instant.now().minus(Duration.ofMinutes(5)), null, true);
        stored.insert(halfSent);
        var forum = conferences.find(conference).orElseThrow();
        participants.send(forum, Audience.CONFIRMED.statuses(),
                new org.eforum.registration.registration.OrganiserMessage(messageId, halfSent.subject(), halfSent.body()));
        assertThat(stored.find(messageId).orElseThrow().recipients()).as("unfinished").isNull();

        handover.resumeUnfinished();
        handover.resumeUnfinished();

        ConferenceMessage finished = stored.find(messageId).orElseThrow();
        assertThat(finished.recipients()).isEqualTo(3);
        assertThat(finished.handing()).isNull();
        List<String> ids = List.of(id(ana), id(boris), id(vera), id(georgi));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = PublishedEvents.of(bootstrapServers, ids);
            for (JsonNode recipient : List.of(ana, vera, georgi)) {
                assertThat(messaged(events, id(recipient)).stream()
                        .filter(event -> event.data().path("messageId").asString().equals(messageId)))
                        .as(recipient.path("id").asString()).hasSize(1);
            }
            assertThat(messaged(events, id(boris))).as("cancelled: never").isEmpty();
        });
    }

    private List<PublishedEvents.Published> messaged(List<PublishedEvents.Published> events, String registrationId) {
        return events.stream().filter(e -> e.key().equals(registrationId))
                .filter(e -> e.kind().equals("participant-messaged")).toList();
    }

    private JsonNode registered(String name, String language) {
        HttpResponse<String> response = register(conference, registrationJson(name, "Test", name + "@example.org")
                .replace("\"language\": \"en\"", "\"language\": \"" + language + "\""));
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response);
    }

    private static String id(JsonNode registration) {
        return registration.path("id").asString();
    }

    private String messagesPath() {
        return "/api/conferences/" + conference + "/messages";
    }

    private String pagePath() {
        return "/organiser/conferences/" + conference + "/messages";
    }

    private static List<Map.Entry<String, String>> validForm(String messageId) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("audience", "WAITLISTED"),
                Map.entry("subject.bg", "Програмата"), Map.entry("body.bg", "Уважаеми участници,\r\nпрограмата е готова."),
                Map.entry("subject.en", "The programme"),
                Map.entry("body.en", "Dear participants,\r\nthe <programme> is ready.")));
        if (messageId != null) {
            fields.add(Map.entry("messageId", messageId));
        }
        return fields;
    }

    /** The hidden inputs of the preview's send form (the one posting to the messages), as the browser would post them. */
    private List<Map.Entry<String, String>> hiddenFieldsOf(String html) {
        int start = html.indexOf("action=\"" + pagePath() + "\"");
        String sendForm = html.substring(start, html.indexOf("</form>", start));
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        var inputs = java.util.regex.Pattern.compile("<input\\b[^>]*>").matcher(sendForm);
        while (inputs.find()) {
            String input = inputs.group();
            String name = attribute(input, "name").orElse("");
            if (attribute(input, "type").filter("hidden"::equals).isPresent() && !name.equals("_csrf")) {
                fields.add(Map.entry(name, attribute(input, "value").orElse("")));
            }
        }
        return fields;
    }

    private Browser loggedIn(String username, String password, String language) {
        return Browser.loggedInOrganiser(port, username, password, language);
    }
}
