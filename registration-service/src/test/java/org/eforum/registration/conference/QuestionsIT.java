package org.eforum.registration.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.eforum.contracts.Topics;
import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A conference asks its own questions: its organisers set them (five kinds here, one only for government
 * institutions), the public view shows what the form asks, answers are checked strictly field by field and change
 * nothing when refused, are kept with the registration, sealed on Kafka, exported one column per question, and a
 * question taken away later keeps its answers readable.
 */
class QuestionsIT extends IntegrationSupport {

    private static final String FIVE_QUESTIONS = """
            {"questions": [
              {"id": "interpretation", "kind": "ONE_OF", "required": true,
               "label": {"bg": "Превод", "en": "Interpretation"},
               "options": [{"id": "none", "label": {"bg": "Не", "en": "None"}},
                           {"id": "into-bg", "label": {"bg": "На български", "en": "Into Bulgarian"}},
                           {"id": "into-en", "label": {"bg": "На английски", "en": "Into English"}}]},
              {"id": "panels", "kind": "SEVERAL_OF",
               "label": {"bg": "Панели", "en": "Panels"},
               "options": [{"id": "labour", "label": {"bg": "Труд", "en": "Labour"}},
                           {"id": "housing", "label": {"bg": "Жилища", "en": "Housing"}},
                           {"id": "schools", "label": {"bg": "Училища", "en": "Schools"}}]},
              {"id": "wheelchair", "kind": "YES_NO", "required": true,
               "label": {"bg": "Достъп с инвалидна количка", "en": "Wheelchair access"}},
              {"id": "arrival", "kind": "DATE", "label": {"bg": "Пристигане", "en": "Arrival"}},
              {"id": "delegates", "kind": "NUMBER", "onlyFor": ["GOVERNMENT_INSTITUTION"],
               "label": {"bg": "Брой делегати", "en": "Number of delegates"}},
              {"id": "remarks", "kind": "LONG_TEXT", "label": {"bg": "Бележки", "en": "Remarks"}}
            ]}
            """;

    private String conference;

    @BeforeEach
    void aConferenceWithQuestions() {
        conference = createConference("questions", 50);
        HttpResponse<String> set = putJson(questionsPath(), FIVE_QUESTIONS, ORGANISER);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    @Test
    void thePublicViewShowsWhatTheFormAsksAndValidAnswersAreKeptSealedAndExported() throws Exception {
        JsonNode view = json(get("/api/conferences/" + conference, "application/json", null));
        assertThat(view.path("questions").size()).isEqualTo(6);
        assertThat(view.at("/questions/0/id").asString()).isEqualTo("interpretation");
        assertThat(view.at("/questions/0/options/1/label/bg").asString()).isEqualTo("На български");
        assertThat(view.at("/questions/4/onlyFor/0").asString()).isEqualTo("GOVERNMENT_INSTITUTION");

        HttpResponse<String> ana = register(conference, withAnswers(registrationJson("Ana", "Petrova", "ana@example.org")
                .replace("\"language\": \"en\"", "\"language\": \"bg\""), """
                {"interpretation": "into-en", "panels": ["schools", "labour"], "wheelchair": true,
                 "arrival": "2027-05-09", "remarks": "  Вегетарианка.\\r\\nБлагодаря.  "}"""));
        assertThat(ana.statusCode()).as(ana.body()).isEqualTo(201);
        HttpResponse<String> ivan = register(conference, withAnswers(registrationJson("Ivan", "Georgiev", "ivan@example.org")
                .replace("CIVIL_SOCIETY", "GOVERNMENT_INSTITUTION"), """
                {"interpretation": "none", "wheelchair": false, "delegates": 3}"""));
        assertThat(ivan.statusCode()).as(ivan.body()).isEqualTo(201);
        String anaId = json(ana).path("id").asString();

        JsonNode listed = json(get(registrationsPath(), "application/json", ORGANISER));
        JsonNode anaListed = listed.get(0).path("id").asString().equals(anaId) ? listed.get(0) : listed.get(1);
        assertThat(anaListed.at("/answers/panels").toString()).as("in the question's order").isEqualTo("[\"labour\",\"schools\"]");
        assertThat(anaListed.at("/answers/remarks").asString()).isEqualTo("Вегетарианка.\nБлагодаря.");
        assertThat(anaListed.at("/answers/wheelchair").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(PublishedEvents.of(bootstrapServers,
                List.of(anaId))).anySatisfy(event -> assertThat(event.data().at("/participant/answers/arrival")
                        .asString()).isEqualTo("2027-05-09")));
        assertThat(EventLog.readAll(bootstrapServers, Topics.REGISTRATIONS).stream()
                .filter(record -> record.key().equals(anaId))
                .map(record -> new String(record.value(), StandardCharsets.UTF_8)))
                .as("answers travel sealed").isNotEmpty()
                .allSatisfy(value -> assertThat(value).doesNotContain("Вегетарианка", "into-en", "2027-05-09"));

        HttpResponse<String> csv = get(registrationsPath(), "text/csv", ORGANISER);
        String header = csv.body().lines().findFirst().orElseThrow();
        assertThat(header).endsWith(",\"notes\",\"Превод\",\"Панели\",\"Достъп с инвалидна количка\",\"Пристигане\","
                + "\"Брой делегати\",\"Бележки\"");
        assertThat(csv.body()).contains("\"На английски\",\"Труд; Училища\",\"true\",\"2027-05-09\",\"\",");

        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(url(registrationsPath()))
                .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Authorization", ORGANISER).build(), HttpResponse.BodyHandlers.ofByteArray());
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> columns = new ArrayList<>();
            rows.get(0).forEach(cell -> columns.add(cell.getRawValue()));
            assertThat(columns).endsWith("Превод", "Панели", "Достъп с инвалидна количка", "Пристигане",
                    "Брой делегати", "Бележки");
            Row ivanRow = rows.stream().filter(row -> "Ivan".equals(row.getCellAsString(3).orElse(null))).findFirst()
                    .orElseThrow();
            assertThat(ivanRow.getCellAsNumber(columns.indexOf("Брой делегати")).orElseThrow().intValue()).isEqualTo(3);
            assertThat(ivanRow.getCellAsString(columns.indexOf("Превод")).orElseThrow()).isEqualTo("Не");
        }
    }

    @Test
    void eachWrongAnswerIsA400NamingItsQuestionAndTakesNoSeat() {
        Map<String, String> wrong = Map.of(
                "{\"wheelchair\": true}", "answers.interpretation",
                "{\"interpretation\": \"into-de\", \"wheelchair\": true}", "answers.interpretation",
                "{\"interpretation\": \"none\", \"wheelchair\": \"true\"}", "answers.wheelchair",
                "{\"interpretation\": \"none\", \"wheelchair\": 1}", "answers.wheelchair",
                "{\"interpretation\": \"none\", \"wheelchair\": true, \"panels\": [\"labour\", \"labour\"]}", "answers.panels",
                "{\"interpretation\": \"none\", \"wheelchair\": true, \"arrival\": \"2027-02-30\"}", "answers.arrival",
                "{\"interpretation\": \"none\", \"wheelchair\": true, \"delegates\": 2}", "answers.delegates",
                "{\"interpretation\": \"none\", \"wheelchair\": true, \"dietary\": \"vegan\"}", "answers.dietary",
                "{\"interpretation\": \"none\", \"wheelchair\": true, \"remarks\": \"a\\u202eb\"}", "answers.remarks",
                "{\"interpretation\": [\"none\"], \"wheelchair\": true}", "answers.interpretation");
        int seatsBefore = json(get("/api/conferences/" + conference, "application/json", null)).path("seatsLeft").asInt();
        wrong.forEach((answers, field) -> {
            HttpResponse<String> refused = register(conference, withAnswers(registrationJson("Vera", "Nikolova",
                    "vera-" + UUID.randomUUID() + "@example.org"), answers));
            assertThat(refused.statusCode()).as(answers).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(errorFields(refused)).as(answers).contains(field);
        });
        assertThat(json(get("/api/conferences/" + conference, "application/json", null)).path("seatsLeft").asInt())
                .isEqualTo(seatsBefore);
        assertThat(json(get(registrationsPath(), "application/json", ORGANISER)).size()).isZero();
    }

    @Test
    void badQuestionsAreA400PerFieldAndAnOrganiserOutsideTheTeamGets403() {
        Map<String, String> bad = Map.of(
                "{\"questions\": [{\"id\": \"x\", \"kind\": \"YES_NO\", \"label\": {\"en\": \"Only English\"}}]}",
                "questions[0].label.bg",
                "{\"questions\": [{\"id\": \"x\", \"kind\": \"ONE_OF\", \"label\": {\"bg\": \"Б\", \"en\": \"E\"},"
                        + " \"options\": [{\"id\": \"a\", \"label\": {\"bg\": \"А\", \"en\": \"A\"}}]}]}",
                "questions[0].options",
                "{\"questions\": [{\"id\": \"Bad Id\", \"kind\": \"YES_NO\", \"label\": {\"bg\": \"Б\", \"en\": \"E\"}}]}",
                "questions[0].id",
                "{\"questions\": [{\"id\": \"wheelchair\", \"kind\": \"SHORT_TEXT\", \"label\": {\"bg\": \"Б\", \"en\": \"E\"}}]}",
                "questions[0].kind",
                "{\"questions\": [{\"id\": \"x\", \"kind\": \"MAYBE\", \"label\": {\"bg\": \"Б\", \"en\": \"E\"}}]}",
                "questions[0].kind",
                "{\"questions\": [{\"id\": \"x\", \"kind\": \"YES_NO\", \"label\": {\"bg\": \"Б\", \"en\": \"E\"},"
                        + " \"required\": \"yes\"}]}", "questions[0].required");
        bad.forEach((body, field) -> {
            HttpResponse<String> refused = putJson(questionsPath(), body, ORGANISER);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(errorFields(refused)).as(body).anySatisfy(name -> assertThat(name).startsWith(field));
        });
        assertThat(json(get("/api/conferences/" + conference, "application/json", null)).path("questions").size())
                .as("nothing changed").isEqualTo(6);

        String other = "q-" + UUID.randomUUID().toString().substring(0, 8);
        createOrganiserAccount(other, "the other organiser's password");
        assertThat(putJson(questionsPath(), "{\"questions\": []}", basic(other, "the other organiser's password"))
                .statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(url(questionsPath())).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"questions\": []}")).build()).statusCode()).isEqualTo(401);
        assertThat(json(get("/api/conferences/" + conference, "application/json", null)).path("questions").size())
                .isEqualTo(6);
    }

    @Test
    void aQuestionOrOptionTakenAwayKeepsItsAnswersReadable() {
        HttpResponse<String> ana = register(conference, withAnswers(registrationJson("Ana", "Petrova", "ana@example.org"),
                "{\"interpretation\": \"into-bg\", \"wheelchair\": false, \"remarks\": \"Early flight\"}"));
        assertThat(ana.statusCode()).as(ana.body()).isEqualTo(201);

        // Only the interpretation is asked now, without Bulgarian; the rest is retired.
        HttpResponse<String> changed = putJson(questionsPath(), """
                {"questions": [{"id": "interpretation", "kind": "ONE_OF", "required": true,
                  "label": {"bg": "Превод", "en": "Interpretation"},
                  "options": [{"id": "none", "label": {"bg": "Не", "en": "None"}},
                              {"id": "into-en", "label": {"bg": "На английски", "en": "Into English"}}]}]}
                """, ORGANISER);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode organiserView = json(changed);
        assertThat(organiserView.path("questions").size()).isEqualTo(6);
        assertThat(organiserView.at("/questions/1/retired").asBoolean()).isTrue();

        JsonNode publicView = json(get("/api/conferences/" + conference, "application/json", null));
        assertThat(publicView.path("questions").size()).isEqualTo(1);
        assertThat(publicView.at("/questions/0/options").size()).as("the retired option is not offered").isEqualTo(2);
        HttpResponse<String> refused = register(conference, withAnswers(registrationJson("Boris", "Ivanov",
                "boris@example.org"), "{\"interpretation\": \"into-bg\"}"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errorFields(refused)).contains("answers.interpretation");
        assertThat(register(conference, withAnswers(registrationJson("Boris", "Ivanov", "boris@example.org"),
                "{\"interpretation\": \"none\"}")).statusCode()).as("no longer asked: not required").isEqualTo(201);

        String csv = get(registrationsPath(), "text/csv", ORGANISER).body();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("\"Превод\"", "\"Бележки (retired)\"");
        assertThat(csv).contains("\"На български\"", "\"Early flight\"");
    }

    private static String withAnswers(String registration, String answers) {
        int end = registration.lastIndexOf('}');
        return registration.substring(0, end) + ", \"answers\": " + answers + "}";
    }

    private String questionsPath() {
        return "/api/conferences/" + conference + "/questions";
    }

    private String registrationsPath() {
        return "/api/conferences/" + conference + "/registrations";
    }
}
