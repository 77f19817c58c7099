package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.eforum.notification.delivery.DeliverySettings;
import org.eforum.notification.mail.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The settings the delivery guarantees rest on are really bound from application.yml. */
class ConfigurationIT extends IntegrationTest {

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    DeliverySettings deliverySettings;

    @Autowired
    MailSettings mailSettings;

    @Autowired
    KafkaProperties kafkaProperties;

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

    @Test
    void unreadableRecordsAreHandedToTheErrorHandler() {
        assertThat(kafkaProperties.getConsumer().getGroupId()).isEqualTo("notification-service");
        assertThat(kafkaProperties.getConsumer().getAutoOffsetReset()).isEqualTo("earliest");
        assertThat(kafkaProperties.getConsumer().getProperties()).containsEntry(
                "spring.deserializer.value.delegate.class", "org.eforum.contracts.kafka.CloudEventDeserializer");
    }
}
