package org.eforum.notification;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.kafka.CloudEventSerializer;
import org.eforum.testsupport.ImapMailbox;
import org.eforum.testsupport.MongoWireServerInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against real servers: an embedded KRaft broker, a MongoDB-wire server and GreenMail (SMTP
 * and IMAP). Every test class extends this one and adds nothing to the configuration, so they all share one
 * Spring context (and one broker). GreenMail runs per class on ports fixed for the whole JVM, so the shared
 * context always finds it; mailboxes are purged before each test, and each test uses its own addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Passwords as a deployment gives them: bcrypt hashes (cost 4, cheap to check) of "organiser-test", "operator-test" and "guest-test".
        "eforum.security.accounts[0].username=organiser",
        "eforum.security.accounts[0].password={bcrypt}$2a$04$xHLs4Gl9oEjx24fChd4jqOtM5V0Wq1AdhsAnSoy0BtvgqlZuaYPGO",
        "eforum.security.accounts[0].roles[0]=ORGANISER",
        "eforum.security.accounts[1].username=operator",
        "eforum.security.accounts[1].password={bcrypt}$2a$04$aa4XL1oQiJPFFSeetm4o0.oZRh4uBv/uKezXvDP6uCEN6/ofbM0j2",
        "eforum.security.accounts[1].roles[0]=OPERATOR",
        "eforum.security.accounts[2].username=guest",
        "eforum.security.accounts[2].password={bcrypt}$2a$04$lHU2hHlEBV.EmiNmtlGmnuEiMlUEmACdxkF1YsxAxM1zelX9QT9MS",
        // A second organiser, of no conference until a team names them (the same password: "organiser-test").
        "eforum.security.accounts[3].username=organiser2",
        "eforum.security.accounts[3].password={bcrypt}$2a$04$xHLs4Gl9oEjx24fChd4jqOtM5V0Wq1AdhsAnSoy0BtvgqlZuaYPGO",
        "eforum.security.accounts[3].roles[0]=ORGANISER",
        // About a minute of blocking retries (200 ms, 400 ms, 800 ms, then 1 s each): longer than the 30 s SMTP
        // outage of SmtpOutageIT, so nothing is dead-lettered while SMTP is away. GiveUpIT shortens it.
        "eforum.kafka.retry.initial-interval=200ms",
        "eforum.kafka.retry.max-interval=1s",
        "eforum.kafka.retry.max-retries=60",
        "eforum.notification.digest-interval=3s",
        "eforum.mail.public-base-url=http://localhost:8081"})
@EmbeddedKafka(partitions = Topics.PARTITIONS, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = MongoWireServerInitializer.class)
public abstract class IntegrationTest {

    protected static final String MAIL_HOST = "127.0.0.1";
    protected static final int SMTP_PORT = freePort();
    protected static final int IMAP_PORT = freePort();
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    protected static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, MAIL_HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, MAIL_HOST, ServerSetup.PROTOCOL_IMAP)})
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> MAIL_HOST);
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    /**
     * This context's broker. Not {@code ${spring.kafka.bootstrap-servers}}: spring-kafka-test publishes that as a
     * JVM-wide system property, which a second context (GiveUpIT's) overwrites with its own broker's address.
     */
    @Autowired
    private EmbeddedKafkaBroker embeddedKafka;

    protected String bootstrapServers;

    private KafkaProducer<String, EforumEvent> producer;

    @BeforeEach
    void openProducerAndPurgeMail() throws Exception {
        bootstrapServers = embeddedKafka.getBrokersAsString();
        greenMail.purgeEmailFromAllMailboxes();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
                new CloudEventSerializer("/eforum/notification-service-test"));
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    /** Publishes an event as the registration service would: a binary-mode CloudEvent keyed by its aggregate. */
    protected RecordMetadata publish(String topic, EforumEvent event) {
        return publish(topic, null, event);
    }

    /** Publishes to the given partition (null: the key's partition). */
    protected RecordMetadata publish(String topic, Integer partition, EforumEvent event) {
        try {
            return producer.send(new ProducerRecord<>(topic, partition, event.aggregateId(), event))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish " + event, e);
        }
    }

    /** Publishes raw bytes, without CloudEvent headers, to one partition. */
    protected RecordMetadata publishRaw(String topic, Integer partition, String key, byte[] value) {
        return publishRaw(topic, partition, key, value, new RecordHeaders());
    }

    /** Publishes raw bytes with the given headers (null partition: the key's). */
    protected RecordMetadata publishRaw(String topic, Integer partition, String key, byte[] value, Headers headers) {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new ByteArraySerializer())) {
            return raw.send(new ProducerRecord<>(topic, partition, key, value, headers)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish raw bytes", e);
        }
    }

    /** Waits until the service's consumer group has committed past the record: it has been fully handled. */
    protected void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(PATIENCE).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("notification-service")
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    /** What the address's owner finds in their inbox over IMAP. */
    protected static List<ImapMailbox.ReceivedMail> inbox(String address) {
        return ImapMailbox.read(MAIL_HOST, IMAP_PORT, address);
    }

    protected static List<ImapMailbox.ReceivedMail> awaitInbox(String address, int count) {
        return await().atMost(PATIENCE).until(() -> inbox(address), mails -> mails.size() >= count);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
