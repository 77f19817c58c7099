package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;

/** A record that is not an event goes to the dead-letter topic and never stops the mail. */
class PoisonRecordIT extends IntegrationTest {

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheNextEventIsStillMailed() {
        String key = unique("poison");
        byte[] garbage = {(byte) 0xde, (byte) 0xad, 0x00, (byte) 0xbe, (byte) 0xef, '{'};
        RecordMetadata poison = publishRaw(Topics.REGISTRATIONS, null, key, garbage);

        String registrationId = unique("reg");
        String email = unique("after") + "@example.org";
        var event = Fixtures.confirmed(registrationId, 1, participant("After", "Poison", email, "en"),
                conference(unique("forum"), List.of("en"), new Contact("Ana", "ana@forum.example.org"), List.of(),
                        OrganiserNotifications.NONE));
        // Same partition, after the poison: only a consumer that moved past it can mail this.
        publish(Topics.REGISTRATIONS, poison.partition(), event);

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(PATIENCE).until(
                () -> EventLog.readAll(bootstrapServers, Topics.deadLetterTopicOf(Topics.REGISTRATIONS)).stream()
                        .filter(r -> key.equals(r.key())).findFirst(), Optional::isPresent).get();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(deadLetter.partition()).isEqualTo(poison.partition());
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isNotBlank();
        // The reason: spring-kafka's message header says only "failed to deserialize"; the cause is in the trace.
        assertThat(header(deadLetter, "kafka_dlt-exception-stacktrace"))
                .contains("MalformedEventException: missing CloudEvent header ce_specversion");

        assertThat(awaitInbox(email, 1)).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).startsWith("Registration confirmed"));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
