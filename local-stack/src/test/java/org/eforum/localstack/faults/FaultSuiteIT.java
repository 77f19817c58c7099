package org.eforum.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eforum.localstack.App;
import org.eforum.localstack.AppProcess;
import org.eforum.localstack.JavaRuntime;
import org.eforum.localstack.Ports;
import org.eforum.localstack.Stack;
import org.eforum.localstack.Stack.Infrastructure;
import org.eforum.localstack.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite (issue 13): two instances of each app on one broker, one store and one mail server, each
 * reached through an in-process {@link TcpProxy}; in each scenario a steady stream of registrations runs while
 * one fault is injected and taken away again. Then, from the stores and the mailboxes: every registration answered
 * 201 is stored, has its events on Kafka once each and in order, is in the directory if it consented (and
 * confirmed its address), and has each of its mails (the participant's, the organiser's) once. A row per scenario
 * is printed and written to {@code target/fault-suite/report.md}.
 *
 * <p>Not part of {@code ./mvnw verify} (it takes about half an hour); run it with {@code ./ops/fault-suite}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final int INSTANCES = 2;
    private static final Duration STREAM_INTERVAL = Duration.ofMillis(500);
    private static final Duration DRAIN = Duration.ofMinutes(8);
    private static final Duration RECOVERY = Duration.ofMinutes(5);
    private static final Duration APP_START = Duration.ofMinutes(6);
    private static final int WARM_UP = 10;
    private static final int AFTER_FAULT = 60;

    private static Stack stack;
    private static final List<ScenarioResult> RESULTS = new ArrayList<>();
    private static long suiteStart;
    private static Duration stackStart;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    @BeforeAll
    static void startStack() throws Exception {
        suiteStart = System.nanoTime();
        Path root = Path.of(System.getProperty("eforum.root", "..")).toAbsolutePath().normalize();
        String classpath = Files.readString(Path.of(System.getProperty("eforum.runtime-classpath",
                root.resolve("local-stack/target/runtime.classpath").toString()))).trim();
        stack = Stack.start(new Stack.Options(root, Ports.free(INSTANCES), root.resolve("local-stack/target/e2e-faults"),
                JavaRuntime.newest(), classpath, null, null,
                EnumSet.of(App.REGISTRATION, App.DIRECTORY, App.NOTIFICATION), true, INSTANCES, true));
        stackStart = Duration.ofNanos(System.nanoTime() - suiteStart);
    }

    @AfterAll
    static void stopStack() throws IOException {
        if (stack != null) {
            stack.close();
        }
        Duration total = Duration.ofNanos(System.nanoTime() - suiteStart);
        StringBuilder report = new StringBuilder("# Fault suite\n\n").append(ScenarioResult.header()).append('\n');
        RESULTS.forEach(result -> report.append(result.row()).append('\n'));
        report.append("\nStack of two instances of each app started in ").append(stackStart.toSeconds())
                .append(" s; the whole suite took ").append(total.toMinutes()).append(" min ")
                .append(total.toSecondsPart()).append(" s.\n");
        RESULTS.stream().filter(r -> !r.problems().isEmpty()).forEach(r -> {
            report.append("\n## Problems in ").append(r.scenario()).append('\n');
            r.problems().stream().limit(30).forEach(p -> report.append("- ").append(p).append('\n'));
        });
        Path file = Path.of("target/fault-suite/report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println(report);
    }

    @Test
    @Order(1)
    void kafkaStopsFor30Seconds() throws Exception {
        scenario("Kafka broker stopped for 30 s", "Kafkastop", () -> {
            stack.kafka().stop();
            await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(40))
                    .until(() -> !stack.kafka().isRunning());
            stack.kafka().startAgain();
        });
    }

    @Test
    @Order(2)
    void theStoreIsKilledAndRestarted() throws Exception {
        scenario("store SIGKILLed and restarted", "Storekill", () -> {
            stack.mongo().kill();
            stack.mongo().startAgain();
        });
    }

    @Test
    @Order(3)
    void smtpRefusesFor60SecondsThenAnswersSlowly() throws Exception {
        scenario("SMTP refuses 60 s, then 5 s a mail for 60 s", "Smtpslow", () -> {
            TcpProxy smtp = stack.proxy(Infrastructure.SMTP);
            smtp.cut();
            await().during(Duration.ofSeconds(60)).atMost(Duration.ofSeconds(70)).until(() -> refuses(smtp.port()));
            smtp.restore();
            // About 13 chunks pass in one SMTP conversation (greeting, EHLO … QUIT, both ways): 5 s a mail
            // (measured 4.0 s with 300 ms a chunk on a loaded machine).
            smtp.latency(Duration.ofMillis(380));
            Duration oneMail = timeOneMail(smtp.port());
            System.out.println("FaultSuiteIT: one mail through the slowed SMTP took " + oneMail.toMillis() + " ms");
            assertThat(oneMail).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(10));
            await().during(Duration.ofSeconds(60 - oneMail.toSeconds())).atMost(Duration.ofSeconds(70))
                    .until(() -> !refuses(smtp.port()));
            smtp.latency(Duration.ZERO);
        });
    }

    @Test
    @Order(4)
    void eachAppInstanceIsKilledAndRestarted() throws Exception {
        scenario("each app instance SIGKILLed and restarted in turn", "Appkill", () -> {
            for (App app : List.of(App.REGISTRATION, App.DIRECTORY, App.NOTIFICATION)) {
                for (int instance = 0; instance < INSTANCES; instance++) {
                    AppProcess victim = stack.instances(app).get(instance);
                    System.out.println("FaultSuiteIT: SIGKILL " + victim.name());
                    stack.killAndRestart(victim, APP_START);
                }
            }
        });
    }

    @Test
    @Order(5)
    void connectionsAreCutThenSlowed() throws Exception {
        scenario("Kafka, store and SMTP connections cut 20 s, then +100 ms a chunk for 30 s", "Netcut", () -> {
            List<TcpProxy> proxies = List.of(stack.proxy(Infrastructure.KAFKA), stack.proxy(Infrastructure.STORE),
                    stack.proxy(Infrastructure.SMTP));
            proxies.forEach(TcpProxy::cut);
            await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(30))
                    .until(() -> proxies.stream().allMatch(p -> refuses(p.port())));
            for (TcpProxy proxy : proxies) {
                proxy.restore();
                proxy.latency(Duration.ofMillis(100));
            }
            await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(40))
                    .until(() -> proxies.stream().noneMatch(p -> refuses(p.port())));
            proxies.forEach(p -> p.latency(Duration.ZERO));
        });
    }

    /**
     * Creates the scenario's conference, starts the stream, waits for it to flow, injects the fault, waits for
     * the stream to be accepted again, stops it and checks. The row is kept before the assertions.
     */
    private void scenario(String name, String tag, Fault fault) throws Exception {
        long start = System.nanoTime();
        String conferenceId = "faults-" + tag.toLowerCase() + "-" + System.currentTimeMillis();
        String contact = "organiser-" + tag.toLowerCase() + "@faults.test";
        createConference(conferenceId, contact);
        RegistrationStream stream = new RegistrationStream(conferenceId, tag,
                () -> stack.instances(App.REGISTRATION).stream().map(AppProcess::baseUrl).toList())
                .start(STREAM_INTERVAL);
        ScenarioResult result;
        try {
            await().atMost(RECOVERY).until(() -> stream.acceptedCount() >= WARM_UP);
            System.out.println("FaultSuiteIT: " + name + " — fault in");
            fault.inject();
            System.out.println("FaultSuiteIT: " + name + " — fault out");
            // The stream goes on for half a minute more (at its rate), and is accepted again.
            int acceptedAtRecovery = stream.acceptedCount();
            int sentAtRecovery = stream.sent();
            await().atMost(RECOVERY).until(() -> stream.acceptedCount() >= acceptedAtRecovery + WARM_UP
                    && stream.sent() >= sentAtRecovery + AFTER_FAULT);
        } finally {
            stream.stop();
        }
        System.out.println("FaultSuiteIT: " + name + " — stream stopped after "
                + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s; checking");
        result = new PipelineCheck(stack, DRAIN).check(name, conferenceId, tag, contact, stream, start);
        RESULTS.add(result);
        System.out.println("FaultSuiteIT: " + result.row());
        result.problems().stream().limit(20).forEach(p -> System.out.println("FaultSuiteIT:   " + p));
        assertThat(result.problems()).as(name).isEmpty();
        assertThat(result.duplicates()).as(name).isZero();
    }

    private void createConference(String conferenceId, String contact) {
        await().atMost(RECOVERY).ignoreExceptions().until(() -> {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(
                            stack.baseUrl(App.REGISTRATION) + "/api/conferences")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Authorization", PipelineCheck.organiser())
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"id": "%s", "title": {"en": "Fault suite", "bg": "Тест на отказите"},
                             "venue": {"en": "Sofia", "bg": "София"}, "startDate": "2027-03-10",
                             "endDate": "2027-03-11", "city": "Sofia", "country": "BG", "capacity": 5000,
                             "languages": ["en", "bg"], "contact": {"name": "Org", "email": "%s"}, "cc": [],
                             "organiserNotifications": "IMMEDIATE"}
                            """.formatted(conferenceId, contact), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return created.statusCode() == 201;
        });
    }

    private static boolean refuses(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    /** One mail through the proxy, as notification-service sends it (a JavaMail SMTP session per mail). */
    private static Duration timeOneMail(int smtpPort) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        properties.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("probe@faults.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("probe@faults.test"));
        message.setSubject("Timing one mail");
        message.setText("A probe of the slowed SMTP.", "UTF-8");
        long start = System.nanoTime();
        Transport.send(message);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
