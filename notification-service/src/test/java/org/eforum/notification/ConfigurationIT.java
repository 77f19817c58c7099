package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.kafka.CloudEventSerializer;

import org.eforum.notification.delivery.DeliverySettings;
import org.eforum.notification.mail.MailSettings;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The settings the delivery guarantees rest on are really bound from application.yml, and really act. */
class ConfigurationIT extends IntegrationTest {

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    DeliverySettings deliverySettings;

    @Autowired
    MailSettings mailSettings;

    @Test
    void smtpAttemptsEndWellWithinTheClaimLease() {
        assertThat(mailSender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "10000").containsEntry("mail.smtp.writetimeout", "10000");
        assertThat(deliverySettings.claimLease()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void mailPresentsItselfAsConfigured() {
        assertThat(mailSettings.fromAddress().getAddress()).isEqualTo("no-reply@eforum.local");
        assertThat(mailSettings.fromAddress().getPersonal()).isEqualTo("E-Forum");
        assertThat(mailSettings.replyToAddress()).isNull();
    }

    /**
     * An event whose envelope is right (a known {@code ce_type}, every header) but whose data is cut off cannot be
     * read. The error handler must get it and dead-letter it at once: it is not retried for the minute a failing
     * mail is (see {@link IntegrationTest}), and the consumer goes on.
     */
    @Test
    void unreadableRecordsAreHandedToTheErrorHandler() {
        String registrationId = unique("unreadable");
        RecordHeaders headers = new RecordHeaders();
        byte[] whole = new CloudEventSerializer("/eforum/notification-service-test").serialize(Topics.REGISTRATIONS,
                headers, Fixtures.confirmed(registrationId, 1, participant("Cut", "Off",
                        unique("cut") + "@example.org", "en"), conference(unique("forum"), List.of("en"),
                        new Contact("Ana", "ana@forum.example.org"), List.of(), OrganiserNotifications.NONE)));
        publishRaw(Topics.REGISTRATIONS, null, registrationId, Arrays.copyOf(whole, whole.length / 2), headers);

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(Duration.ofSeconds(20)).until(
                () -> EventLog.readAll(bootstrapServers, Topics.deadLetterTopicOf(Topics.REGISTRATIONS)).stream()
                        .filter(r -> registrationId.equals(r.key())).findFirst(), Optional::isPresent).get();
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(deadLetter.value()).hasSize(whole.length / 2);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
