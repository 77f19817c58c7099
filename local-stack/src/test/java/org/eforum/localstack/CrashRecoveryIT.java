package org.eforum.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.eforum.testsupport.ImapMailbox;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registrations keep arriving while every process of the stack (the apps, the store, Kafka, the mail server) is
 * killed with SIGKILL at once; the stack is started again on the same data. Every registration that was answered
 * 201 is still there, reaches the directory and the participant's mailbox, and no mail arrives twice (a repeat
 * after a kill carries the same Message-ID, the documented SMTP window, and is counted apart).
 */
class CrashRecoveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(120);
    private static final Set<App> APPS = EnumSet.of(App.REGISTRATION, App.DIRECTORY, App.NOTIFICATION);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Stack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Stack.Options options(Ports ports, boolean fresh) throws Exception {
        Path root = Path.of(System.getProperty("eforum.root", "..")).toAbsolutePath().normalize();
        String classpath = Files.readString(Path.of(System.getProperty("eforum.runtime-classpath",
                root.resolve("local-stack/target/runtime.classpath").toString()))).trim();
        return new Stack.Options(root, ports, root.resolve("local-stack/target/e2e-crash"), JavaRuntime.newest(),
                classpath, null, null, APPS, fresh);
    }

    @Test
    void everyAnsweredRegistrationSurvivesAKillOfEveryProcess() throws Exception {
        Ports ports = Ports.free();
        stack = Stack.start(options(ports, true));
        String conferenceId = "crash-" + System.currentTimeMillis();
        HttpResponse<String> created = send(post("/api/conferences", """
                {"id": "%s", "title": {"en": "Crash test", "bg": "Тест"}, "venue": {"en": "Sofia", "bg": "София"},
                 "startDate": "2027-03-10", "endDate": "2027-03-11", "city": "Sofia", "country": "BG",
                 "capacity": 40, "languages": ["en", "bg"], "contact": {"name": "Org", "email": "org@crash.test"},
                 "cc": [], "organiserNotifications": "NONE"}
                """.formatted(conferenceId)).header("Authorization", organiser()).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        Map<String, String> answered = new ConcurrentHashMap<>(); // registration id → e-mail
        Set<String> confirmed = ConcurrentHashMap.newKeySet(); // ids whose address confirmation was answered 200
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            senders.submit(() -> {
                while (running.get()) {
                    String email = "p" + counter.incrementAndGet() + "@crash.test";
                    try {
                        HttpResponse<String> response = send(post("/api/conferences/" + conferenceId + "/registrations", """
                                {"firstName": "Petar", "lastName": "Crash%s", "email": "%s", "organisation": "Org",
                                 "stakeholderType": "ACADEMIA", "country": "BG", "language": "en",
                                 "consents": {"dataProcessing": true, "listInDirectory": true, "joinExpertsNetwork": false}}
                                """.formatted(counter.get(), email)).build());
                        if (response.statusCode() == 201) {
                            JsonNode registration = JSON.readTree(response.body());
                            String id = registration.get("id").asString();
                            answered.put(id, email);
                            // Listed only once the address is confirmed: as the participant's button does it.
                            String link = registration.get("selfServiceUrl").asString();
                            HttpResponse<String> addressConfirmed = send(post("/api/registrations/" + id
                                    + "/confirm-address" + link.substring(link.indexOf("?token=")), "").build());
                            if (addressConfirmed.statusCode() == 200) {
                                confirmed.add(id);
                            }
                        }
                    } catch (Exception e) {
                        // the stack is being killed: this one was never answered 201
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= 60);
        stack.killAll(); // mid-stream: requests are in flight in every process
        running.set(false);
        senders.shutdown();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        Map<String, String> beforeKill = Map.copyOf(answered);
        Set<String> confirmedBeforeKill = Set.copyOf(confirmed);

        stack = Stack.start(options(ports, false));

        // Every 201 is stored, with its status, and the conference counts them.
        JsonNode registrations = JSON.readTree(send(HttpRequest.newBuilder(URI.create(stack.baseUrl(App.REGISTRATION)
                + "/api/conferences/" + conferenceId + "/registrations")).header("Accept", "application/json")
                .header("Authorization", organiser()).build()).body());
        Set<String> stored = new java.util.HashSet<>();
        registrations.forEach(registration -> stored.add(registration.get("id").asString()));
        assertThat(stored).containsAll(beforeKill.keySet());

        // …reaches the public directory once its address is confirmed (one person per e-mail) …
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
            JsonNode page = JSON.readTree(send(HttpRequest.newBuilder(URI.create(stack.baseUrl(App.DIRECTORY)
                    + "/api/directory/stakeholders?q=crash&size=1")).build()).body());
            assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(confirmedBeforeKill.size());
        });
        // …and the participant's mailbox, once: a repeat could only be the same mail (same Message-ID).
        List<String> repeated = new ArrayList<>();
        for (String email : beforeKill.values()) {
            List<ReceivedMail> mails = await().atMost(PIPELINE_TIMEOUT).until(
                    () -> ImapMailbox.read("127.0.0.1", stack.mail().imapPort(), email), list -> !list.isEmpty());
            Set<String> messageIds = mails.stream().map(ReceivedMail::messageId).collect(Collectors.toSet());
            assertThat(messageIds).as("mails to %s", email).hasSize(1);
            if (mails.size() > 1) {
                repeated.add(email);
            }
        }
        System.out.printf("CrashRecoveryIT: %d answered 201 before the kill, all stored after the restart; "
                + "%d participant mail(s) repeated with the same Message-ID%n", beforeKill.size(), repeated.size());
    }

    /**
     * A POST from a client of its own, as a proxy in front of the stack reports it (the apps trust loopback): the
     * stream of registrations comes from many people, so it never meets the per-address rate limit.
     */
    private HttpRequest.Builder post(String path, String json) {
        int client = CLIENTS.incrementAndGet();
        return HttpRequest.newBuilder(URI.create(stack.baseUrl(App.REGISTRATION) + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.18." + ((client >> 8) & 255) + "." + (client & 255))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String organiser() {
        return "Basic " + Base64.getEncoder().encodeToString("organiser:organiser".getBytes(StandardCharsets.UTF_8));
    }
}
