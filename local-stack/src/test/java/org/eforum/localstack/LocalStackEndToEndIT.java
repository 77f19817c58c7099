package org.eforum.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.eforum.testsupport.EventLog;
import org.eforum.testsupport.ImapMailbox;
import org.eforum.testsupport.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end story on the Docker-less stack of ./run-local: a real Kafka broker from Apache Kafka's jars in
 * its own JVM, the MongoDB-wire server, GreenMail, and the apps from their runnable jars (on free ports, so a
 * running ./run-local does not disturb it) — two instances of each, as `./run-local --instances 2` starts them,
 * sharing the consumer groups and the store as pods would.
 */
class LocalStackEndToEndIT extends EndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);
    private static final int PARTICIPANTS = 8;
    private static final int INSTANCES = 2;

    private static final java.util.concurrent.atomic.AtomicInteger CLIENT = new java.util.concurrent.atomic.AtomicInteger();

    private static Stack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("eforum.root", "..")).toAbsolutePath().normalize();
        String kafkaClasspath = Files.readString(Path.of(System.getProperty("eforum.runtime-classpath",
                root.resolve("local-stack/target/runtime.classpath").toString()))).trim();
        stack = Stack.start(new Stack.Options(root, Ports.free(INSTANCES), root.resolve("local-stack/target/e2e-local"),
                JavaRuntime.newest(), kafkaClasspath, null, null,
                EnumSet.of(App.REGISTRATION, App.DIRECTORY, App.NOTIFICATION), true, INSTANCES));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    protected Stack stack() {
        return stack;
    }

    /**
     * Registrations and confirmations sent to either instance: each registration's events are on Kafka once and
     * in order (one relay, the lease holder, publishes), each consenting person is listed once by either
     * directory instance, and each mail is delivered once although two notification instances share the topic.
     */
    @Test
    void twoInstancesOfEachAppShareTheWorkAndDoNothingTwice() throws Exception {
        List<AppProcess> registration = stack.instances(App.REGISTRATION);
        assertThat(registration).hasSize(2);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String conferenceId = "two-instances-" + suffix;
        String contact = "contact-" + suffix + "@example.org";
        createConference(registration.get(1), conferenceId, contact);

        Map<String, String> participants = new HashMap<>(); // registration id -> address
        for (int i = 0; i < PARTICIPANTS; i++) {
            String email = "twin-" + i + "-" + suffix + "@example.org";
            participants.put(registerAndConfirm(conferenceId, "Twin" + suffix, email, i), email);
        }

        for (AppProcess directory : stack.instances(App.DIRECTORY)) {
            await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> assertThat(JSON.readTree(get(directory,
                    "/api/directory/stakeholders?q=twin" + suffix).body()).get("total").asInt())
                    .as("listed by %s", directory.name()).isEqualTo(PARTICIPANTS));
        }
        for (String email : participants.values()) {
            await().atMost(PIPELINE_TIMEOUT).until(() -> mails(email) >= 1);
        }
        await().atMost(PIPELINE_TIMEOUT).until(() -> mails(contact) >= PARTICIPANTS);
        // Nothing more comes: each mail went out once (the contact's box gets one per registration, so a repeat
        // of any would show there; each participant's is counted after).
        await().during(Duration.ofSeconds(3)).atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> mails(contact) == PARTICIPANTS);
        participants.values().forEach(email -> assertThat(mails(email)).as(email).isEqualTo(1));

        Map<String, List<String>> types = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : EventLog.readAll(stack.bootstrapServers(), "eforum.registrations")) {
            if (participants.containsKey(record.key())) {
                Header type = record.headers().lastHeader("ce_type");
                types.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(new String(type.value(), StandardCharsets.UTF_8));
            }
        }
        assertThat(types).hasSize(PARTICIPANTS);
        types.values().forEach(kinds -> assertThat(kinds).as("each event once, in order").containsExactly(
                "org.eforum.registration.confirmed.v1", "org.eforum.registration.address-confirmed.v1"));

        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            Document lease = mongo.getDatabase("eforum-registration").getCollection("leases")
                    .find(new Document("_id", "outbox-relay")).first();
            assertThat(lease).as("one instance holds the relay's lease").isNotNull();
        }
        for (AppProcess instance : stack.instances(App.REGISTRATION)) {
            assertThat(get(instance, "/actuator/health").statusCode()).isEqualTo(200);
        }
    }

    /**
     * An operator asks one directory instance for a rebuild while the other runs: both stop their listeners, the
     * group is rewound once, and the replay gives the same directory, served by both instances again. Asked of
     * both at once, one rebuild runs and the other request is refused.
     */
    @Test
    void aRebuildAskedOfOneDirectoryInstanceStopsBothAndGivesTheSameDirectory() throws Exception {
        List<AppProcess> directory = stack.instances(App.DIRECTORY);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String conferenceId = "rebuild-" + suffix;
        createConference(stack.instances(App.REGISTRATION).get(0), conferenceId, "contact-" + suffix + "@example.org");
        for (int i = 0; i < 3; i++) {
            registerAndConfirm(conferenceId, "Rebuilt" + suffix, "rebuilt-" + i + "-" + suffix + "@example.org", i);
        }
        String listed = "/api/directory/stakeholders?size=100&q=rebuilt" + suffix;
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> assertThat(JSON.readTree(get(directory.get(0), listed)
                .body()).get("total").asInt()).isEqualTo(3));
        String before = get(directory.get(0), listed).body();
        String everyone = get(directory.get(0), "/api/directory/stakeholders?size=1").body();
        int membersBefore = directoryGroupMembers();

        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> asked = new ArrayList<>();
        for (AppProcess instance : directory) {
            asked.add(http.sendAsync(operatorPost(instance, "/api/directory/rebuild"),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var answer : asked) {
            statuses.add(answer.get(90, java.util.concurrent.TimeUnit.SECONDS).statusCode());
        }
        assertThat(statuses).as("one rebuild runs, the request made while it stops the others is refused")
                .containsExactlyInAnyOrder(202, 409);

        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
            JsonNode status = JSON.readTree(operatorGet(directory.get(1), "/api/directory/rebuild").body());
            assertThat(status.get("phase").asString()).isEqualTo("REPLAYING");
            assertThat(status.get("remaining").asLong()).isZero();
        });
        for (AppProcess instance : directory) {
            await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> assertThat(get(instance, listed).body())
                    .as("%s after the rebuild", instance.name()).isEqualTo(before));
            assertThat(JSON.readTree(get(instance, "/api/directory/stakeholders?size=1").body()).get("total").asInt())
                    .isEqualTo(JSON.readTree(everyone).get("total").asInt());
        }
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> assertThat(directoryGroupMembers())
                .as("both instances' listeners consume again").isEqualTo(membersBefore));
    }

    private int directoryGroupMembers() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of("directory-service")).all().get().get("directory-service")
                    .members().size();
        }
    }

    private void createConference(AppProcess registration, String conferenceId, String contact) throws Exception {
        HttpResponse<String> created = send(registration, "/api/conferences", """
                {"id": "%s", "title": {"en": "Two instances", "bg": "Две инстанции"},
                 "venue": {"en": "Sofia", "bg": "София"}, "startDate": "2027-05-10", "endDate": "2027-05-10",
                 "city": "Sofia", "country": "BG", "capacity": 100, "languages": ["en", "bg"],
                 "contact": {"name": "Maria Ivanova", "email": "%s"}, "cc": [],
                 "organiserNotifications": "IMMEDIATE"}
                """.formatted(conferenceId, contact), true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /**
     * Registers a listed participant through one registration instance and confirms the address through the
     * other; returns the registration id.
     */
    private String registerAndConfirm(String conferenceId, String lastName, String email, int i) throws Exception {
        List<AppProcess> registration = stack.instances(App.REGISTRATION);
        HttpResponse<String> registered = send(registration.get(i % 2),
                "/api/conferences/" + conferenceId + "/registrations", """
                {"firstName": "Teodora", "lastName": "%s", "email": "%s", "organisation": "NGO %d",
                 "stakeholderType": "CIVIL_SOCIETY", "country": "BG", "language": "en",
                 "consents": {"dataProcessing": true, "listInDirectory": true, "joinExpertsNetwork": false}}
                """.formatted(lastName, email, i), false);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(registered.body());
        String id = body.get("id").asString();
        String link = body.get("selfServiceUrl").asString();
        String token = link.substring(link.indexOf("?token=") + "?token=".length());
        HttpResponse<String> confirmed = send(registration.get((i + 1) % 2),
                "/api/registrations/" + id + "/confirm-address?token=" + token, "", false);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        return id;
    }

    private HttpRequest operatorPost(AppProcess app, String path) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", basic("operator")).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private HttpResponse<String> operatorGet(AppProcess app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Accept", "application/json")
                .header("Authorization", basic("operator")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Issue 12's walk in headless Chromium, on this stack's real pipeline (registration → Kafka → notification → SMTP):
     * an organiser creates a conference in both languages, sees registrations arrive, filters and exports them,
     * resends a mail, cancels one (the first waitlisted is promoted), writes to all participants, and organiser2 sees
     * none of it. Screenshots in {@code target/screenshots/organiser-walk}. Skipped where Chromium is not installed.
     */
    @Test
    void anOrganiserWalksThroughTheWorkspaceInChromium() throws Exception {
        assumeTrue(HeadlessChromium.isInstalled(), "Chromium and chromedriver are not installed");
        Path screenshots = Path.of(System.getProperty("eforum.root", "..")).toAbsolutePath().normalize()
                .resolve("local-stack/target/screenshots/organiser-walk");
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            new OrganiserWalk(stack, chromium, screenshots).walk();
        }
    }

    private int mails(String address) {
        return ImapMailbox.read("127.0.0.1", stack.mail().imapPort(), address).size();
    }

    private HttpResponse<String> send(AppProcess app, String path, String json, boolean organiser) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.19.0." + (1 + CLIENT.incrementAndGet() % 250))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (organiser) {
            request.header("Authorization", basic("organiser"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(AppProcess app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
