package org.eforum.notification;

import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.kafka.CloudEventSerializer;
import org.junit.jupiter.api.Test;

/**
 * A throughput harness, not a test: it is not matched by surefire's or failsafe's patterns, so
 * {@code ./mvnw verify} never runs it. Run it on its own with
 * <pre>
 * ./mvnw -o -pl notification-service verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=MailThroughputBench -Dbench.registrations=2000
 * </pre>
 * It publishes N registrations of one IMMEDIATE conference (2 mails each: the participant's, the organisers'
 * to a contact with one cc) to the in-process broker and times until GreenMail (in the same JVM) holds every
 * mail; then a raw sender sends the same number of mails of a participant mail's size over one SMTP connection,
 * the reference of the benchmark's 1.5× target. CPU: the listener threads' own CPU time per mail (the app's
 * mail path: claims, templates, MIME, SMTP client), and the whole JVM's (which includes GreenMail, the broker and
 * the MongoDB-wire server) for comparison.
 */
class MailThroughputBench extends IntegrationTest {

    private static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 2000);

    @Test
    void rush() throws Exception {
        String contact = unique("bench-contact") + "@forum.example.org";
        String cc = unique("bench-cc") + "@forum.example.org";
        String domain = unique("bench").toLowerCase() + ".example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana", contact),
                List.of(cc), OrganiserNotifications.IMMEDIATE);
        // Warm-up: a few registrations, so class loading and the first connections are not measured.
        drain(conference, "warm-" + domain, 20);
        greenMail.purgeEmailFromAllMailboxes();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<Long, Long> listenerCpuBefore = listenerCpu(threads);
        long processCpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        long published = drain(conference, domain, REGISTRATIONS);
        long drained = System.nanoTime();
        long processCpu = os.getProcessCpuTime() - processCpuBefore;
        long listenerCpu = 0;
        for (Map.Entry<Long, Long> after : listenerCpu(threads).entrySet()) {
            listenerCpu += after.getValue() - listenerCpuBefore.getOrDefault(after.getKey(), 0L);
        }
        int mails = 2 * REGISTRATIONS;

        MimeMessage sample = greenMail.getReceivedMessagesForDomain(domain)[0];
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        sample.writeTo(bytes);
        greenMail.purgeEmailFromAllMailboxes();
        long rawNanos = rawSend(bytes.toByteArray(), mails);

        double appSeconds = (drained - started) / 1e9;
        double rawSeconds = rawNanos / 1e9;
        System.out.printf("%nBENCH registrations=%d mails=%d (participant mail %d bytes)%n", REGISTRATIONS, mails,
                bytes.size());
        System.out.printf("BENCH app: published in %.1f s, all mails in GreenMail after %.1f s: %.1f mails/s%n",
                (published - started) / 1e9, appSeconds, mails / appSeconds);
        System.out.printf("BENCH app CPU per mail: listener threads %.1f ms, whole JVM %.1f ms%n",
                listenerCpu / 1e6 / mails, processCpu / 1e6 / mails);
        System.out.printf("BENCH raw SMTP, one connection, one thread: %.1f s, %.1f mails/s; app/raw = %.2f%n%n",
                rawSeconds, mails / rawSeconds, appSeconds / rawSeconds);
    }

    /** Publishes n registrations and waits until their 3n GreenMail copies arrived; returns when publishing ended. */
    private long drain(ConferenceSnapshot conference, String domain, int n) throws Exception {
        int before = greenMail.getReceivedMessages().length;
        try (KafkaProducer<String, EforumEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new CloudEventSerializer("/eforum/bench"))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                EforumEvent event = Fixtures.confirmed(unique("reg"), 1,
                        participant("Person", "No" + i, "p" + i + "@" + domain, "en"), conference);
                sent.add(producer.send(new ProducerRecord<>(Topics.REGISTRATIONS, event.aggregateId(), event)));
            }
            for (Future<RecordMetadata> result : sent) {
                result.get(30, TimeUnit.SECONDS);
            }
        }
        long published = System.nanoTime();
        // GreenMail keeps one copy per envelope recipient: the participant's, the contact's and the cc's.
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> greenMail.getReceivedMessages().length >= before + 3 * n);
        return published;
    }

    private static Map<Long, Long> listenerCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("notification-registrations"))
                .forEach(thread -> cpu.put(thread.getId(), threads.getThreadCpuTime(thread.getId())));
        return cpu;
    }

    /** The benchmark's reference: the same number of mails over one reused connection, one after another. */
    private static long rawSend(byte[] mail, int count) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", MAIL_HOST);
        properties.put("mail.smtp.port", String.valueOf(SMTP_PORT));
        Session session = Session.getInstance(properties);
        long started = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(mail));
                message.setHeader("Message-ID", "<raw-" + i + "@raw.bench>");
                transport.sendMessage(message, new InternetAddress[] {new InternetAddress("r" + i + "@raw.bench")});
            }
        }
        long elapsed = System.nanoTime() - started;
        await().atMost(Duration.ofMinutes(5)).until(() -> greenMail.getReceivedMessages().length >= count);
        return elapsed;
    }
}
