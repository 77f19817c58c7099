package org.eforum.registration.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.EventType;
import org.eforum.contracts.event.PersonKeyIssued;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.kafka.EventJson;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.registration.IntegrationSupport;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What Kafka keeps of a person: their registrations for ever, but never their address, name or token in
 * cleartext; and once they are erased and the person-keys topic compacted, not even their key, so nothing on any
 * topic can be turned back into them.
 */
class CryptoShreddingIT extends IntegrationSupport {

    @Test
    void theRegistrationsTopicKeepsItsEventsForEverAndTheKeysTopicIsCompactedSoon() throws Exception {
        try (Admin admin = admin()) {
            ConfigResource registrations = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REGISTRATIONS);
            ConfigResource keys = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PERSON_KEYS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(registrations, keys)).all().get();

            assertThat(configs.get(registrations).get("retention.ms").value()).isEqualTo("-1");
            assertThat(configs.get(keys).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(keys).get("segment.ms").value()).isEqualTo("2000");
            assertThat(configs.get(keys).get("delete.retention.ms").value()).isEqualTo("1000");
            assertThat(Double.parseDouble(configs.get(keys).get("min.cleanable.dirty.ratio").value())).isLessThan(0.1);
        }
    }

    @Test
    void anErasedPersonLeavesNothingOnAnyTopicThatCouldBeTurnedBackIntoThem() throws Exception {
        String conference = createConference("shred", 1);
        String first = "Zlatina" + UUID.randomUUID().toString().substring(0, 8);
        String last = "Shredova" + UUID.randomUUID().toString().substring(0, 8);
        String email = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@example.org";
        JsonNode erased = json(register(conference, registrationJson(first, last, email)));
        String token = tokenOf(erased.path("selfServiceUrl").asString());
        // another person, who stays: their seat waits for them on the waiting list, then is theirs
        String kept = "Keeper" + UUID.randomUUID().toString().substring(0, 8);
        String keptEmail = kept.toLowerCase(Locale.ROOT) + "@example.org";
        register(conference, registrationJson(kept, "Stays", keptEmail));
        // a repeat mails the link again: a link-resent event of the erased person, with their token too
        register(conference, registrationJson(first, last, email.toUpperCase(Locale.ROOT)));
        String personId = EmailHash.of(email);

        // Before the erasure: their events and key are there, and not one of their details in cleartext.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(registrationEventsOf(erased.path("id").asString())).hasSize(2);
            assertThat(keyRecordsOf(personId)).hasSize(1);
        });
        assertThat(occurrences(List.of(email, first, last, token, keptEmail, kept))).isEmpty();
        PersonKey key = PersonKey.of((PersonKeyIssued) EventJson.read(EventType.PERSON_KEY_ISSUED,
                keyRecordsOf(personId).get(0).value()));
        RegistrationEvent opened = PersonalData.open((RegistrationEvent) EventJson.read(
                EventType.REGISTRATION_CONFIRMED, registrationEventsOf(erased.path("id").asString()).get(0).value()), key);
        assertThat(opened.participant().email()).isEqualTo(email);
        assertThat(opened.selfServiceUrl()).contains(token);

        assertThat(postJson("/api/erasures", "{\"email\": \"" + email + "\"}", OPERATOR).statusCode()).isEqualTo(202);

        // The key goes: a tombstone, then compaction (which only cleans rolled segments: more records roll them).
        try (KafkaProducer<String, byte[]> filler = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new ByteArraySerializer())) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (int p = 0; p < Topics.PARTITIONS; p++) {
                    filler.send(new ProducerRecord<>(Topics.PERSON_KEYS, p, "filler-" + UUID.randomUUID(), null)).get();
                }
                assertThat(keyRecordsOf(personId)).isEmpty();
            });
        }

        // Every record of every topic, keys, values and headers: nothing of the erased person in cleartext, and
        // no key left to open what remains of them; the kept person's key is still there.
        assertThat(occurrences(List.of(email, first, last, token))).isEmpty();
        assertThat(keyRecordsOf(personId)).isEmpty();
        assertThat(keyRecordsOf(EmailHash.of(keptEmail))).hasSize(1);
        assertThat(registrationEventsOf(erased.path("id").asString())).hasSizeGreaterThanOrEqualTo(2);
    }

    private List<ConsumerRecord<String, byte[]>> registrationEventsOf(String registrationId) {
        return EventLog.readAll(bootstrapServers, Topics.REGISTRATIONS).stream()
                .filter(record -> registrationId.equals(record.key())).toList();
    }

    private List<ConsumerRecord<String, byte[]>> keyRecordsOf(String personId) {
        return EventLog.readAll(bootstrapServers, Topics.PERSON_KEYS).stream()
                .filter(record -> personId.equals(record.key())).toList();
    }

    /** Where any of {@code secrets} appears (case-insensitive) in a key, value or header of any record of any topic. */
    private List<String> occurrences(List<String> secrets) throws Exception {
        List<String> found = new ArrayList<>();
        try (Admin admin = admin()) {
            for (String topic : admin.listTopics().names().get()) {
                for (ConsumerRecord<String, byte[]> record : EventLog.readAll(bootstrapServers, topic)) {
                    List<String> texts = new ArrayList<>();
                    texts.add(record.key() == null ? "" : record.key());
                    texts.add(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
                    for (Header header : record.headers()) {
                        texts.add(header.key() + "=" + (header.value() == null ? ""
                                : new String(header.value(), StandardCharsets.UTF_8)));
                    }
                    for (String text : texts) {
                        for (String secret : secrets) {
                            if (text.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT))) {
                                found.add(secret + " in " + topic + "-" + record.partition() + "@" + record.offset());
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
