package org.eforum.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.eforum.testsupport.ImapMailbox;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14's "Done when", on a running stack and only through what people use: the HTTP API, the mailboxes (IMAP)
 * and the public directory. A moderated conference in both languages asks five questions of different kinds; five
 * people register in Bulgarian and in English and wait (PENDING); the organisers approve one and decline one, each
 * with a message, and approve the rest at once until the seats run out; a participant corrects their organisation
 * and an answer, another changes their e-mail address through the mailed link; the export has a column per question.
 * Every mail is counted: each goes out once, to whom the design says, in the recipient's language.
 */
final class ModeratedJourney {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final int CAPACITY = 3;

    private final Stack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String conferenceId = "moderated-" + suffix;
    private final String titleBg = "Одобрявани регистрации " + suffix;
    private final String titleEn = "Approved registrations " + suffix;
    private final String contact = "moderated-contact-" + suffix + "@example.org";
    private final String cc = "moderated-secretariat-" + suffix + "@example.org";
    /** Everyone's last name: the directory finds exactly this journey's people by it. */
    private final String lastName = "Journey" + suffix;

    private final Participant ivana = new Participant("Ivana", "ivana", "bg", "Министерство на труда",
            "GOVERNMENT_INSTITUTION", true, answers("Вегетарианска", "labour", List.of("housing", "health"), false, 2));
    private final Participant boris = new Participant("Boris", "boris", "en", "Sofia Refugee Aid",
            "CIVIL_SOCIETY", true, answers("None", "education", List.of("language"), true, 0));
    private final Participant carmen = new Participant("Carmen", "carmen", "en", "University of Sofia",
            "ACADEMIA", false, answers(null, "labour", List.of("health"), false, 1));
    private final Participant dimitar = new Participant("Dimitar", "dimitar", "bg", "Община Пловдив",
            "LOCAL_AUTHORITY", true, answers(null, "education", List.of("housing", "language"), true, 3));
    private final Participant elena = new Participant("Elena", "elena", "en", "Migrant Voices",
            "IMMIGRANT_COMMUNITY", false, answers("Halal", "labour", List.of("health"), false, 1));
    private final List<Participant> everyone = List.of(ivana, boris, carmen, dimitar, elena);

    /** How many mails each address has been sent so far, as the journey goes: each is checked to arrive once. */
    private final Map<String, Integer> expectedMails = new LinkedHashMap<>();
    private final Map<String, Duration> stepTimes = new LinkedHashMap<>();
    private String dimitarNewEmail;

    private final class Participant {
        final String firstName;
        final String email;
        final String language;
        final String organisation;
        final String stakeholderType;
        final boolean listed;
        final Map<String, Object> answers;
        String id;
        String selfServiceToken;

        Participant(String firstName, String mailbox, String language, String organisation, String stakeholderType,
                boolean listed, Map<String, Object> answers) {
            this.firstName = firstName;
            this.email = "moderated-" + mailbox + "-" + suffix + "@example.org";
            this.language = language;
            this.organisation = organisation;
            this.stakeholderType = stakeholderType;
            this.listed = listed;
            this.answers = answers;
        }

        String title() {
            return language.equals("bg") ? titleBg : titleEn;
        }

        /** The registration form's fields, with these values. */
        Map<String, Object> form(String email, String organisation, Map<String, Object> answers) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("firstName", firstName);
            form.put("lastName", lastName);
            form.put("email", email);
            form.put("organisation", organisation);
            form.put("stakeholderType", stakeholderType);
            form.put("country", "BG");
            form.put("position", "Expert");
            form.put("language", language);
            form.put("consents", Map.of("dataProcessing", true, "listInDirectory", listed, "joinExpertsNetwork", false));
            form.put("answers", answers);
            return form;
        }
    }

    ModeratedJourney(Stack stack) {
        this.stack = stack;
    }

    void walk() throws Exception {
        step("1 a moderated conference with five questions", this::createConference);
        step("2 five registrations wait for approval", this::everyoneWaits);
        step("3 approve one, decline one, each with a message", this::approveOneDeclineOne);
        step("4 approve the rest at once until full", this::approveTheRest);
        step("5 a participant corrects organisation and an answer", this::ivanaCorrectsHerDetails);
        step("6 a participant changes the e-mail address", this::dimitarChangesHisAddress);
        step("7 the export has a column per question", this::exportHasTheAnswers);
        step("8 each mail went out once", this::eachMailOnce);
        step("9 no organiser mail when the conference asks for none", this::noOrganiserMailWhenNone);
        System.out.println("Moderated journey " + conferenceId + ", seconds per step: " + stepTimes.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toMillis() / 1000.0).collect(Collectors.joining("; ")));
    }

    // 1. Moderated, both languages, three seats, immediate organiser mails to the contact and a cc; five questions.
    private void createConference() throws Exception {
        HttpResponse<String> created = organiser("POST", "/api/conferences", conferenceJson(conferenceId, "IMMEDIATE",
                contact, List.of(cc)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("moderated").asBoolean(false)).as(created.body()).isTrue();

        HttpResponse<String> questions = organiser("PUT", "/api/conferences/" + conferenceId + "/questions", """
                {"questions": [
                  {"id": "dietary", "kind": "SHORT_TEXT", "label": {"bg": "Хранителен режим", "en": "Dietary requirements"}},
                  {"id": "session", "kind": "ONE_OF", "required": true, "label": {"bg": "Сесия", "en": "Session"},
                   "options": [{"id": "labour", "label": {"bg": "Пазар на труда", "en": "Labour market"}},
                               {"id": "education", "label": {"bg": "Образование", "en": "Education"}}]},
                  {"id": "topics", "kind": "SEVERAL_OF", "label": {"bg": "Теми", "en": "Topics"},
                   "options": [{"id": "housing", "label": {"bg": "Жилища", "en": "Housing"}},
                               {"id": "health", "label": {"bg": "Здраве", "en": "Health"}},
                               {"id": "language", "label": {"bg": "Език", "en": "Language"}}]},
                  {"id": "interpreter", "kind": "YES_NO", "label": {"bg": "Нужен ли Ви е превод", "en": "Do you need interpretation"}},
                  {"id": "nights", "kind": "NUMBER", "label": {"bg": "Нощувки", "en": "Nights"}}]}
                """);
        assertThat(questions.statusCode()).as(questions.body()).isEqualTo(200);
        assertThat(JSON.readTree(questions.body()).get("questions")).hasSize(5);
    }

    // 2. Each registers (Bulgarian and English): PENDING, no seat taken; the participant is told the organisers will
    // decide (with their link), the organisers that a registration awaits their approval (with its page's link).
    private void everyoneWaits() throws Exception {
        for (Participant participant : everyone) {
            HttpResponse<String> registered = send("POST", "/api/conferences/" + conferenceId + "/registrations",
                    participant.form(participant.email, participant.organisation, participant.answers));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            JsonNode body = JSON.readTree(registered.body());
            assertThat(body.get("status").asString()).isEqualTo("PENDING");
            participant.id = body.get("id").asString();
            String selfServiceUrl = body.get("selfServiceUrl").asString();

            ReceivedMail awaiting = awaitMails(participant.email, 1).get(0);
            assertThat(awaiting.to()).containsExactly(participant.email);
            assertThat(awaiting.contentLanguage()).isEqualTo(participant.language);
            assertThat(awaiting.subject()).contains(participant.title());
            assertThat(awaiting.text()).as("the mail carries the participant's link").contains(selfServiceUrl);
            assertThat(calendarAttached(participant.email, 0)).as("no seat, no calendar entry").isFalse();
            participant.selfServiceToken = tokenIn(awaiting.text(), "/registrations/" + participant.id + "?token=");
        }

        List<ReceivedMail> organisers = awaitMails(contact, everyone.size());
        assertThat(organisers).allSatisfy(mail -> {
            assertThat(mail.to()).containsExactly(contact);
            assertThat(mail.cc()).containsExactly(cc);
        });
        assertThat(organisers).extracting(ReceivedMail::text).as("a link to each registration's organiser page")
                .allSatisfy(text -> assertThat(text).contains("/organiser/conferences/" + conferenceId + "/registrations/"));
        for (Participant participant : everyone) {
            assertThat(organisers).filteredOn(mail -> mail.text().contains(
                    "/organiser/conferences/" + conferenceId + "/registrations/" + participant.id)).hasSize(1);
        }
        assertThat(awaitMails(cc, everyone.size())).hasSize(everyone.size());

        JsonNode listed = JSON.readTree(organiser("GET", "/api/conferences/" + conferenceId + "/registrations", null).body());
        assertThat(listed).extracting(r -> r.get("status").asString()).containsOnly("PENDING").hasSize(5);
        JsonNode conference = JSON.readTree(organiser("GET", "/api/conferences/" + conferenceId, null).body());
        assertThat(conference.get("seatsLeft").asInt()).as("pending takes no seat").isEqualTo(CAPACITY);
        everyone.forEach(p -> expectedMails.put(p.email, 1));
        expectedMails.put(contact, everyone.size());
        expectedMails.put(cc, everyone.size());
    }

    // 3. Ivana is approved with a message in Bulgarian (a seat, the calendar entry), Boris declined with one in
    // English; neither twice, and no organiser mail (an organiser did it).
    private void approveOneDeclineOne() throws Exception {
        String welcome = "Очакваме Ви в първия ден " + suffix + ".";
        HttpResponse<String> approved = organiser("POST", registration(ivana) + "/approve",
                JSON.writeValueAsString(Map.of("message", welcome)));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(view(approved).get("status").asString()).isEqualTo("CONFIRMED");
        ReceivedMail seat = awaitMails(ivana.email, 2).get(1);
        assertThat(seat.contentLanguage()).isEqualTo("bg");
        assertThat(seat.subject()).contains(titleBg);
        assertThat(seat.text()).contains(welcome).contains(ivana.selfServiceToken);
        assertThat(calendarAttached(ivana.email, 1)).as("a seat: the conference as a calendar entry, as the "
                + "confirmation mail").isTrue();

        String sorry = "All seats went to speakers this time, sorry " + suffix + ".";
        HttpResponse<String> declined = organiser("POST", registration(boris) + "/decline",
                JSON.writeValueAsString(Map.of("message", sorry)));
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(view(declined).get("status").asString()).isEqualTo("DECLINED");
        ReceivedMail notAccepted = awaitMails(boris.email, 2).get(1);
        assertThat(notAccepted.contentLanguage()).isEqualTo("en");
        assertThat(notAccepted.subject()).contains(titleEn);
        assertThat(notAccepted.text()).contains(sorry);
        assertThat(calendarAttached(boris.email, 1)).isFalse();

        for (String again : List.of(registration(ivana) + "/approve", registration(ivana) + "/decline",
                registration(boris) + "/approve", registration(boris) + "/decline")) {
            HttpResponse<String> refused = organiser("POST", again, "{}");
            assertThat(refused.statusCode()).as("%s: %s", again, refused.body()).isEqualTo(409);
        }
        expectedMails.merge(ivana.email, 1, Integer::sum);
        expectedMails.merge(boris.email, 1, Integer::sum);
        assertMailsAsExpected();
    }

    // 4. The rest at once, in the order given, with a message in each language: two seats left, so Carmen and
    // Dimitar get one, Elena joins the waiting list; Boris, declined, is skipped.
    private void approveTheRest() throws Exception {
        String bg = "Добре дошли " + suffix + ".";
        String en = "Welcome aboard " + suffix + ".";
        HttpResponse<String> bulk = organiser("POST", "/api/conferences/" + conferenceId + "/registrations/approve",
                JSON.writeValueAsString(Map.of("registrationIds", List.of(carmen.id, dimitar.id, elena.id, boris.id),
                        "message", Map.of("bg", bg, "en", en))));
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(bulk.body());
        assertThat(StreamSupport.stream(answer.get("done").spliterator(), false).map(r -> r.get("id").asString() + " " + r.get("status").asString()).toList())
                .containsExactly(carmen.id + " CONFIRMED", dimitar.id + " CONFIRMED", elena.id + " WAITLISTED");
        assertThat(answer.get("skipped")).hasSize(1);
        assertThat(answer.get("skipped").get(0).get("registrationId").asString()).isEqualTo(boris.id);
        assertThat(answer.get("skipped").get(0).get("reason").asString()).isNotBlank();

        ReceivedMail carmenSeat = awaitMails(carmen.email, 2).get(1);
        assertThat(carmenSeat.contentLanguage()).isEqualTo("en");
        assertThat(carmenSeat.text()).contains(en).doesNotContain(bg);
        assertThat(calendarAttached(carmen.email, 1)).isTrue();
        ReceivedMail dimitarSeat = awaitMails(dimitar.email, 2).get(1);
        assertThat(dimitarSeat.contentLanguage()).isEqualTo("bg");
        assertThat(dimitarSeat.text()).contains(bg).doesNotContain(en);
        assertThat(calendarAttached(dimitar.email, 1)).isTrue();
        ReceivedMail elenaWaits = awaitMails(elena.email, 2).get(1);
        assertThat(elenaWaits.contentLanguage()).isEqualTo("en");
        assertThat(elenaWaits.text()).contains(en);
        assertThat(calendarAttached(elena.email, 1)).as("the waiting list: no calendar entry").isFalse();
        assertThat(elenaWaits.subject()).as("approved onto the waiting list is not the seat's mail")
                .isNotEqualTo(carmenSeat.subject());

        JsonNode conference = JSON.readTree(organiser("GET", "/api/conferences/" + conferenceId, null).body());
        assertThat(conference.get("seatsLeft").asInt()).isZero();
        assertThat(conference.get("waitlistLength").asInt()).isEqualTo(1);
        for (Participant participant : List.of(carmen, dimitar, elena)) {
            expectedMails.merge(participant.email, 1, Integer::sum);
        }
        assertMailsAsExpected();
    }

    // 5. Ivana confirms her address (listed), then corrects her organisation and an answer with her link: the
    // organisers' list and table, the directory and the organisers' mailboxes show the new values.
    private void ivanaCorrectsHerDetails() throws Exception {
        HttpResponse<String> confirmed = send("POST", "/api/registrations/" + ivana.id + "/confirm-address?token="
                + ivana.selfServiceToken);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        String directory = "/api/directory/stakeholders?size=100&q=" + lastName.toLowerCase(java.util.Locale.ROOT);
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
            JsonNode found = JSON.readTree(get(App.DIRECTORY, directory).body());
            assertThat(found.get("items")).extracting(p -> p.get("firstName").asString() + " | "
                    + p.get("organisation").asString()).containsExactly("Ivana | " + ivana.organisation);
            assertThat(found.get("items").get(0).get("conferences")).extracting(c -> c.get("id").asString())
                    .contains(conferenceId);
        });

        String details = "/api/registrations/" + ivana.id + "/details?token=" + ivana.selfServiceToken;
        Map<String, Object> wrongAnswer = new LinkedHashMap<>(ivana.answers);
        wrongAnswer.put("nights", "two");
        HttpResponse<String> refused = send("PUT", details, ivana.form(ivana.email, "Министерство на външните работи",
                wrongAnswer));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("answers.nights");

        String organisation = "Агенция по заетостта";
        Map<String, Object> corrected = new LinkedHashMap<>(ivana.answers);
        corrected.put("dietary", "Веганска без ядки");
        HttpResponse<String> saved = send("PUT", details, ivana.form(ivana.email, organisation, corrected));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(view(saved).get("organisation").asString()).isEqualTo(organisation);
        assertThat(view(saved).get("answers").get("dietary").asString()).isEqualTo("Веганска без ядки");
        assertThat(view(saved).get("status").asString()).isEqualTo("CONFIRMED");
        HttpResponse<String> same = send("PUT", details, ivana.form(ivana.email, organisation, corrected));
        assertThat(same.statusCode()).as("nothing changed: " + same.body()).isEqualTo(200);

        JsonNode listed = registrationsById().get(ivana.id);
        assertThat(listed.get("organisation").asString()).isEqualTo(organisation);
        assertThat(listed.get("answers").get("dietary").asString()).isEqualTo("Веганска без ядки");
        assertThat(listed.get("answers").get("nights").asInt()).as("the other answers as they were").isEqualTo(2);
        String table = organiserTable();
        assertThat(table).contains(organisation).doesNotContain(ivana.organisation);

        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> assertThat(JSON.readTree(get(App.DIRECTORY, directory)
                .body()).get("items")).extracting(p -> p.get("firstName").asString() + " | "
                + p.get("organisation").asString()).containsExactly("Ivana | " + organisation));

        ReceivedMail changed = awaitMails(contact, expectedMails.get(contact) + 1).get(expectedMails.get(contact));
        assertThat(changed.cc()).containsExactly(cc);
        assertThat(changed.text()).as("the changed fields with their new values").contains(organisation)
                .contains(ivana.firstName);
        // Answers are sealed on Kafka because they can say as much as a need for wheelchair access: the mail says
        // that they changed and where to read them, not what they are.
        assertThat(changed.text()).as("the answers changed, read on the registration's page")
                .contains("Отговори на въпросите на конференцията", "/organiser/conferences/" + conferenceId
                        + "/registrations/" + ivana.id)
                .doesNotContain("Веганска без ядки");
        ReceivedMail updated = awaitMails(ivana.email, 3).get(2);
        assertThat(updated.contentLanguage()).isEqualTo("bg");
        assertThat(updated.to()).containsExactly(ivana.email);
        expectedMails.merge(contact, 1, Integer::sum);
        expectedMails.merge(cc, 1, Integer::sum);
        expectedMails.merge(ivana.email, 1, Integer::sum);
        assertMailsAsExpected();
    }

    // 6. Dimitar gives a new address: 202, the confirmation link goes only to the new address; he follows it, and
    // the registration (and his listing, the new address being confirmed) moves to it. An address another
    // participant of the conference has is refused.
    private void dimitarChangesHisAddress() throws Exception {
        HttpResponse<String> taken = send("PUT", "/api/registrations/" + carmen.id + "/details?token="
                + carmen.selfServiceToken, carmen.form(ivana.email, carmen.organisation, carmen.answers));
        assertThat(taken.statusCode()).as("another participant's address: " + taken.body()).isEqualTo(409);

        String newEmail = "moderated-dimitar-new-" + suffix + "@example.org";
        HttpResponse<String> asked = send("PUT", "/api/registrations/" + dimitar.id + "/details?token="
                + dimitar.selfServiceToken, dimitar.form(newEmail, dimitar.organisation, dimitar.answers));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode pending = JSON.readTree(asked.body());
        assertThat(pending.path("pendingEmail").asString("")).as("the view with pendingEmail: " + asked.body())
                .isEqualTo(newEmail);
        assertThat(view(asked).get("email").asString()).as("the address changes once confirmed").isEqualTo(dimitar.email);

        ReceivedMail confirm = awaitMails(newEmail, 1).get(0);
        assertThat(confirm.to()).containsExactly(newEmail);
        assertThat(confirm.contentLanguage()).isEqualTo("bg");
        String changeToken = tokenIn(confirm.text(), "/registrations/" + dimitar.id + "/email?token=");
        expectedMails.put(newEmail, 1);
        assertMailsAsExpected(); // only the new address: not the old one, not the organisers

        HttpResponse<String> wrong = send("POST", "/api/registrations/" + dimitar.id + "/email/confirm?token="
                + dimitar.selfServiceToken);
        assertThat(wrong.statusCode()).as("the self-service token is not the change's: " + wrong.body()).isEqualTo(404);
        HttpResponse<String> confirmed = send("POST", "/api/registrations/" + dimitar.id + "/email/confirm?token="
                + changeToken);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(view(confirmed).get("email").asString()).isEqualTo(newEmail);
        HttpResponse<String> used = send("POST", "/api/registrations/" + dimitar.id + "/email/confirm?token="
                + changeToken);
        assertThat(used.statusCode()).as("a one-off token: " + used.body()).isEqualTo(404);

        JsonNode own = JSON.readTree(get(App.REGISTRATION, "/api/registrations/" + dimitar.id + "?token="
                + dimitar.selfServiceToken).body());
        assertThat(own.get("email").asString()).isEqualTo(newEmail);
        assertThat(own.hasNonNull("addressConfirmedAt")).as("the new address counts as confirmed: " + own).isTrue();
        assertThat(registrationsById().get(dimitar.id).get("email").asString()).isEqualTo(newEmail);
        assertThat(registrationsById().get(dimitar.id).get("status").asString()).isEqualTo("CONFIRMED");

        String directory = "/api/directory/stakeholders?size=100&q=" + lastName.toLowerCase(java.util.Locale.ROOT);
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> assertThat(JSON.readTree(get(App.DIRECTORY, directory)
                .body()).get("items")).extracting(p -> p.get("firstName").asString())
                .as("listed once the new address is confirmed").containsExactlyInAnyOrder("Ivana", "Dimitar"));

        ReceivedMail changed = awaitMails(contact, expectedMails.get(contact) + 1).get(expectedMails.get(contact));
        assertThat(changed.text()).as("the organisers learn the new address").contains(newEmail);
        ReceivedMail updated = awaitMails(newEmail, 2).get(1);
        assertThat(updated.contentLanguage()).isEqualTo("bg");
        expectedMails.merge(contact, 1, Integer::sum);
        expectedMails.merge(cc, 1, Integer::sum);
        expectedMails.merge(newEmail, 1, Integer::sum);
        dimitarNewEmail = newEmail;
    }

    // 7. The CSV export: the registration's columns, then one per question headed by its label (the conference's
    // first language, Bulgarian), with each participant's answers as now corrected.
    private void exportHasTheAnswers() throws Exception {
        HttpResponse<String> export = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(App.REGISTRATION)
                        + "/api/conferences/" + conferenceId + "/registrations")).header("Accept", "text/csv")
                .header("Authorization", basic("organiser")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        List<List<String>> rows = csv(export.body());
        List<String> header = rows.get(0);
        List<String> labels = List.of("Хранителен режим", "Сесия", "Теми", "Нужен ли Ви е превод", "Нощувки");
        assertThat(header).as("one column per question, by its label").endsWith(labels.toArray(String[]::new))
                .contains("id", "status", "email", "organisation");
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                named.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            byId.put(named.get("id"), named);
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrder(everyone.stream().map(p -> p.id).toArray(String[]::new));
        assertThat(byId.get(ivana.id)).containsEntry("status", "CONFIRMED")
                .containsEntry("organisation", "Агенция по заетостта")
                .containsEntry("Хранителен режим", "Веганска без ядки").containsEntry("Сесия", "Пазар на труда")
                .containsEntry("Теми", "Жилища; Здраве").containsEntry("Нужен ли Ви е превод", "false")
                .containsEntry("Нощувки", "2");
        assertThat(byId.get(boris.id)).containsEntry("status", "DECLINED").containsEntry("Хранителен режим", "None")
                .containsEntry("Сесия", "Образование").containsEntry("Теми", "Език")
                .containsEntry("Нужен ли Ви е превод", "true").containsEntry("Нощувки", "0");
        assertThat(byId.get(carmen.id)).containsEntry("status", "CONFIRMED").containsEntry("Хранителен режим", "")
                .containsEntry("Теми", "Здраве").containsEntry("Нощувки", "1");
        assertThat(byId.get(dimitar.id)).containsEntry("status", "CONFIRMED").containsEntry("email", dimitarNewEmail)
                .containsEntry("Теми", "Жилища; Език").containsEntry("Нужен ли Ви е превод", "true");
        assertThat(byId.get(elena.id)).containsEntry("status", "WAITLISTED").containsEntry("Хранителен режим", "Halal");
    }

    // 8. Nothing more arrives anywhere: every mail of the journey went out once.
    private void eachMailOnce() {
        assertMailsAsExpected();
    }

    // 9. A moderated conference whose organisers chose no mails: the participant hears, the contact does not.
    private void noOrganiserMailWhenNone() throws Exception {
        String quietId = "moderated-quiet-" + suffix;
        String quietContact = "moderated-quiet-contact-" + suffix + "@example.org";
        HttpResponse<String> created = organiser("POST", "/api/conferences", conferenceJson(quietId, "NONE",
                quietContact, List.of()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String email = "moderated-quiet-" + suffix + "@example.org";
        Map<String, Object> form = new LinkedHashMap<>(elena.form(email, elena.organisation, Map.of()));
        form.remove("answers");
        HttpResponse<String> registered = send("POST", "/api/conferences/" + quietId + "/registrations", form);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(JSON.readTree(registered.body()).get("status").asString()).isEqualTo("PENDING");
        assertThat(awaitMails(email, 1).get(0).contentLanguage()).isEqualTo("en");
        await().during(Duration.ofSeconds(3)).atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> mailCount(quietContact) == 0 && mailCount(email) == 1);
    }

    private String conferenceJson(String id, String notifications, String contactEmail, List<String> ccs)
            throws Exception {
        int year = LocalDate.now().getYear() + 1;
        Map<String, Object> conference = new LinkedHashMap<>();
        conference.put("id", id);
        conference.put("title", Map.of("bg", titleBg, "en", titleEn));
        conference.put("venue", Map.of("bg", "Столична библиотека", "en", "Sofia City Library"));
        conference.put("startDate", year + "-09-15");
        conference.put("endDate", year + "-09-16");
        conference.put("city", "Sofia");
        conference.put("country", "BG");
        conference.put("capacity", CAPACITY);
        conference.put("languages", List.of("bg", "en"));
        conference.put("contact", Map.of("name", "Мария Иванова", "email", contactEmail));
        conference.put("cc", ccs);
        conference.put("organiserNotifications", notifications);
        conference.put("moderated", true);
        return JSON.writeValueAsString(conference);
    }

    private static Map<String, Object> answers(String dietary, String session, List<String> topics,
            boolean interpreter, int nights) {
        Map<String, Object> answers = new LinkedHashMap<>();
        if (dietary != null) {
            answers.put("dietary", dietary);
        }
        answers.put("session", session);
        answers.put("topics", topics);
        answers.put("interpreter", interpreter);
        answers.put("nights", nights);
        return answers;
    }

    private String registration(Participant participant) {
        return "/api/conferences/" + conferenceId + "/registrations/" + participant.id;
    }

    /** The registration in an answer: a RegistrationView, as the design has every one of these endpoints answer. */
    private static JsonNode view(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private Map<String, JsonNode> registrationsById() throws Exception {
        HttpResponse<String> list = organiser("GET", "/api/conferences/" + conferenceId + "/registrations", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        JSON.readTree(list.body()).forEach(r -> byId.put(r.get("id").asString(), r));
        return byId;
    }

    /** The token after {@code prefix} in a mail's text (a link as the participant would follow it). */
    private static String tokenIn(String text, String prefix) {
        Matcher link = Pattern.compile(Pattern.quote(prefix) + "([A-Za-z0-9_-]+)").matcher(text);
        assertThat(link.find()).as("a link %s… in:%n%s", prefix, text).isTrue();
        return link.group(1);
    }

    /** The registrations table as an organiser sees it after logging in (the form's session and CSRF token). */
    private String organiserTable() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = stack.baseUrl(App.REGISTRATION);
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/organiser/login?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as(login).isTrue();
        String form = "username=organiser&password=organiser&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/organiser/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> table = browser.send(HttpRequest.newBuilder(URI.create(base + "/organiser/conferences/"
                + conferenceId + "/registrations?lang=en")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
        String body = table.body();
        int rows = body.indexOf("<tbody>");
        assertThat(rows).as(body).isNotNegative();
        return body.substring(rows, body.indexOf("</tbody>", rows));
    }

    /** RFC 4180 as RegistrationCsv writes it: a byte-order mark, every field quoted, CRLF line ends. */
    private static List<List<String>> csv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (!row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private List<ReceivedMail> mails(String address) {
        return ImapMailbox.read("127.0.0.1", stack.mail().imapPort(), address);
    }

    /** How many mails the address's mailbox holds (only counted: quicker to poll than reading every mail). */
    private int mailCount(String address) {
        java.util.Properties properties = new java.util.Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try {
            jakarta.mail.Store store = jakarta.mail.Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", stack.mail().imapPort(), address, address);
            try {
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_ONLY);
                try {
                    return inbox.getMessageCount();
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return 0; // no mail has reached that address yet, so it has no mailbox
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("Cannot count the mails of " + address, e);
        }
    }

    /** Whether the address's mail (0 = the first) carries a calendar entry (an attached {@code .ics}). */
    private boolean calendarAttached(String address, int index) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        jakarta.mail.Store store = jakarta.mail.Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", stack.mail().imapPort(), address, address);
        try {
            jakarta.mail.Folder inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            try {
                return hasCalendar(inbox.getMessage(index + 1));
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static boolean hasCalendar(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return true;
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (hasCalendar(multipart.getBodyPart(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<ReceivedMail> awaitMails(String address, int count) {
        return await().atMost(PIPELINE_TIMEOUT).until(() -> mails(address), mails -> mails.size() >= count);
    }

    /** Every address has exactly the mails counted so far, and keeps them a few seconds (nothing twice, nothing late). */
    private void assertMailsAsExpected() {
        for (Map.Entry<String, Integer> expected : expectedMails.entrySet()) {
            await().atMost(PIPELINE_TIMEOUT).until(() -> mailCount(expected.getKey()) >= expected.getValue());
        }
        await().during(Duration.ofSeconds(3)).atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<String, Integer> actual = new LinkedHashMap<>();
                    expectedMails.keySet().forEach(address -> actual.put(address, mailCount(address)));
                    assertThat(actual).isEqualTo(expectedMails);
                });
    }

    private HttpResponse<String> organiser(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl(App.REGISTRATION) + path))
                .header("Accept", "application/json").header("Authorization", basic("organiser"))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A participant's request, each from a client address of its own (as behind a proxy: the rate limit is per address). */
    private HttpResponse<String> send(String method, String path) throws Exception {
        return send(method, path, null);
    }

    private HttpResponse<String> send(String method, String path, Map<String, Object> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl(App.REGISTRATION) + path))
                .header("Accept", "application/json")
                .header("X-Forwarded-For", "198.21.0." + (1 + CLIENTS.incrementAndGet() % 250))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(App app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(app) + path)).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        stepTimes.put(name, Duration.ofNanos(System.nanoTime() - start));
    }
}
