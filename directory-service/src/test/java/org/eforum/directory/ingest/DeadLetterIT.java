package org.eforum.directory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.conferenceChanged;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.EventType;
import org.eforum.contracts.kafka.CloudEventHeaders;
import org.eforum.contracts.kafka.EventJson;
import org.eforum.directory.AbstractDirectoryIT;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/** A malformed record goes to the dead-letter topic with the reason, and the consumer carries on behind it. */
class DeadLetterIT extends AbstractDirectoryIT {

    private static final String DEAD_LETTERS = Topics.deadLetterTopicOf(Topics.REGISTRATIONS);

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextRecordIsStillProjected() {
        // One key for everything: the same partition, so the valid event really queues behind the poison.
        String registrationId = unique("reg-");
        byte[] garbage = ("not a cloud event " + registrationId).getBytes(StandardCharsets.UTF_8);
        byte[] brokenJson = ("{\"eventId\": " + registrationId).getBytes(StandardCharsets.UTF_8);
        ConferenceChanged wrongTopic = conferenceChanged(conference(unique("c-"), "Misrouted"), 1);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new ByteArraySerializer())) {
            send(raw, new ProducerRecord<>(Topics.REGISTRATIONS, registrationId, garbage));
            ProducerRecord<String, byte[]> invalidData = new ProducerRecord<>(Topics.REGISTRATIONS, registrationId,
                    brokenJson);
            invalidData.headers().add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
                    .add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()))
                    .add(CloudEventHeaders.SOURCE, bytes("/tests"))
                    .add(CloudEventHeaders.TYPE, bytes(EventType.REGISTRATION_CONFIRMED.ceType()));
            send(raw, invalidData);
            ProducerRecord<String, byte[]> misrouted = new ProducerRecord<>(Topics.REGISTRATIONS, registrationId,
                    EventJson.write(wrongTopic));
            CloudEventHeaders.write(misrouted.headers(), wrongTopic, "/tests");
            send(raw, misrouted);
        }
        String surname = uniqueWord("survivor");
        publishOptedIn(confirmed(registrationId, person("Boris", surname).build(), conference(unique("c-"), "Forum")));

        await().atMost(PROJECTED_WITHIN).until(() -> get("/api/directory/stakeholders?q=" + surname).json()
                .get("total").asInt() == 1);
        await().atMost(PROJECTED_WITHIN).until(() -> deadLetters(registrationId).size() == 3);
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(registrationId);
        assertThat(deadLetters).anySatisfy(r -> assertThat(r.value()).isEqualTo(garbage));
        assertThat(deadLetters).anySatisfy(r -> assertThat(r.value()).isEqualTo(brokenJson));
        assertThat(deadLetters).allSatisfy(r -> assertThat(header(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank());
        assertThat(deadLetters).anySatisfy(r -> assertThat(header(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("Not a registration event"));
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return EventLog.readAll(bootstrapServers, DEAD_LETTERS).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
