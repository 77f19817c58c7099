package org.eforum.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.eforum.testsupport.ImapMailbox;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The story of the foundation issue, on real servers and the apps' own jars in their own JVMs: an organiser
 * creates a conference, a participant registers over HTTP, and the registration ends up in the public
 * directory (once the participant confirmed the address), in the participant's mailbox (in their language) and in the organisers' (contact in To, cc in Cc).
 */
abstract class EndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    protected abstract Stack stack();

    @Test
    void aRegistrationReachesTheDirectoryAndBothMailboxes() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String conferenceId = "e2e-conference-" + suffix;
        String contact = "contact-" + suffix + "@example.org";
        String cc1 = "secretariat-" + suffix + "@example.org";
        String cc2 = "partners-" + suffix + "@example.org";
        String participant = "Ivana.Georgieva-" + suffix + "@Example.org";

        HttpResponse<String> created = post(App.REGISTRATION, "/api/conferences", """
                {"id": "%s",
                 "title": {"bg": "Диалог за интеграция", "en": "Dialogue on Integration"},
                 "venue": {"bg": "Парк-хотел „Витоша“", "en": "Park-Hotel Vitosha"},
                 "startDate": "2027-03-10", "endDate": "2027-03-11", "city": "Sofia", "country": "BG",
                 "capacity": 120, "languages": ["bg", "en"],
                 "contact": {"name": "Maria Ivanova", "email": "%s"}, "cc": ["%s", "%s"],
                 "organiserNotifications": "IMMEDIATE"}
                """.formatted(conferenceId, contact, cc1, cc2), true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // The caller's trace (W3C traceparent) must follow the registration through Kafka to the mail.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> registered = post(App.REGISTRATION, "/api/conferences/" + conferenceId + "/registrations", """
                {"firstName": "Ивана", "lastName": "Георгиева-%s", "email": "%s",
                 "organisation": "Министерство на вътрешните работи", "stakeholderType": "GOVERNMENT_INSTITUTION",
                 "country": "BG", "position": "Експерт", "language": "bg",
                 "consents": {"dataProcessing": true, "listInDirectory": true, "joinExpertsNetwork": true}}
                """.formatted(suffix, participant), false, "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode registration = JSON.readTree(registered.body());
        assertThat(registration.get("status").asString()).isEqualTo("CONFIRMED");
        String registrationId = registration.get("id").asString();
        String selfServiceUrl = registration.get("selfServiceUrl").asString();

        List<ReceivedMail> participantMail = awaitMail(participant, 1);
        ReceivedMail confirmation = participantMail.get(0);
        assertThat(confirmation.to()).containsExactly(participant);
        assertThat(confirmation.subject()).isEqualTo("Регистрацията е потвърдена: Диалог за интеграция");
        assertThat(confirmation.contentLanguage()).isEqualTo("bg");
        assertThat(confirmation.text()).contains(selfServiceUrl)
                .as("the listing waits for the address to be confirmed").contains("Потвърждавам адреса си");

        // Double opt-in: listed only once the participant confirms the address with the token their mail carries.
        String directoryQuery = "/api/directory/stakeholders?q=" + "георгиева-" + suffix;
        assertThat(JSON.readTree(get(App.DIRECTORY, directoryQuery, false).body()).get("total").asInt())
                .as("not listed before the address is confirmed").isZero();
        String token = selfServiceUrl.substring(selfServiceUrl.indexOf("?token=") + "?token=".length());
        HttpResponse<String> addressConfirmed = post(App.REGISTRATION,
                "/api/registrations/" + registrationId + "/confirm-address?token=" + token, "", false);
        assertThat(addressConfirmed.statusCode()).as(addressConfirmed.body()).isEqualTo(200);

        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
            HttpResponse<String> found = get(App.DIRECTORY, directoryQuery, false);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("Ивана").contains("Министерство на вътрешните работи")
                    .doesNotContainIgnoringCase(participant);
        });

        ReceivedMail organiserMail = awaitMail(contact, 1).get(0);
        assertThat(organiserMail.to()).containsExactly(contact);
        assertThat(organiserMail.cc()).containsExactlyInAnyOrder(cc1, cc2);
        assertThat(organiserMail.subject()).startsWith("Нова регистрация: Ивана Георгиева-" + suffix);
        assertThat(awaitMail(cc1, 1).get(0).subject()).isEqualTo(organiserMail.subject());
        assertThat(awaitMail(cc2, 1).get(0).subject()).isEqualTo(organiserMail.subject());

        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
            HttpResponse<String> log = get(App.NOTIFICATION, "/api/notifications?registrationId=" + registrationId, true);
            assertThat(log.statusCode()).isEqualTo(200);
            JsonNode deliveries = JSON.readTree(log.body());
            assertThat(deliveries.size()).isEqualTo(2);
            deliveries.forEach(delivery -> assertThat(delivery.get("status").asString()).isEqualTo("SENT"));
        });
        // One trace id from the HTTP request through the outbox and Kafka to the notification service's mail log.
        // (whichever instance of notification-service sent it)
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> assertThat(stack().instances(App.NOTIFICATION).stream()
                .flatMap(instance -> {
                    try {
                        return java.nio.file.Files.readAllLines(instance.log()).stream();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }))
                .anyMatch(line -> line.contains(traceId) && line.contains("Delivery") && line.contains("sent")));

        // Each mail went out once: nothing more arrived while the log was checked.
        assertThat(ImapMailbox.read("127.0.0.1", stack().mail().imapPort(), participant)).hasSize(1);
        assertThat(ImapMailbox.read("127.0.0.1", stack().mail().imapPort(), contact)).hasSize(1);

        // The same address again, twice: 409s that name nothing of the registration, and one mail of its link.
        String repeat = """
                {"firstName": "Ивана", "lastName": "Георгиева-%s", "email": "%s",
                 "organisation": "Министерство на вътрешните работи", "stakeholderType": "GOVERNMENT_INSTITUTION",
                 "country": "BG", "language": "bg",
                 "consents": {"dataProcessing": true, "listInDirectory": false, "joinExpertsNetwork": false}}
                """.formatted(suffix, participant.toLowerCase(java.util.Locale.ROOT));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> again = post(App.REGISTRATION, "/api/conferences/" + conferenceId + "/registrations",
                    repeat, false);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(again.body()).doesNotContain(registrationId, "CONFIRMED", "token");
        }
        ReceivedMail linkAgain = awaitMail(participant, 2).get(1);
        assertThat(linkAgain.subject()).isEqualTo("Връзка към регистрацията Ви: Диалог за интеграция");
        assertThat(linkAgain.text()).contains(selfServiceUrl);
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> assertThat(JSON.readTree(get(App.NOTIFICATION,
                "/api/notifications?registrationId=" + registrationId, true).body()).size()).isEqualTo(3));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(
                () -> ImapMailbox.read("127.0.0.1", stack().mail().imapPort(), participant).size() == 2);
        assertThat(ImapMailbox.read("127.0.0.1", stack().mail().imapPort(), contact)).as("no organiser mail").hasSize(1);
    }

    /**
     * Issue 14's journey on the same stack: a moderated conference with its own questions, registrations in both
     * languages awaiting approval, approvals and a decline with messages, a participant's own corrections and new
     * address, the mails of each step once, the directory and the export ({@link ModeratedJourney}).
     */
    @Test
    void aModeratedConferenceFromSubmissionToCorrectionsAndExport() throws Exception {
        new ModeratedJourney(stack()).walk();
    }

    private List<ReceivedMail> awaitMail(String address, int count) {
        return await().atMost(PIPELINE_TIMEOUT).until(
                () -> ImapMailbox.read("127.0.0.1", stack().mail().imapPort(), address), mails -> mails.size() >= count);
    }

    private HttpResponse<String> post(App app, String path, String json, boolean organiser) throws Exception {
        return post(app, path, json, organiser, null);
    }

    private HttpResponse<String> post(App app, String path, String json, boolean organiser, String traceparent)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack().baseUrl(app) + path))
                .header("Content-Type", "application/json")
                // As a proxy in front of the stack reports its client; the apps trust loopback.
                .header("X-Forwarded-For", "198.18.0." + (1 + CLIENTS.incrementAndGet() % 250))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (organiser) {
            request.header("Authorization", organiserAuthorization());
        }
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(App app, String path, boolean organiser) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack().baseUrl(app)
                + path.replace(" ", "%20"))).header("Accept", "application/json");
        if (organiser) {
            request.header("Authorization", organiserAuthorization());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String organiserAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString("organiser:organiser".getBytes(StandardCharsets.UTF_8));
    }
}
