package org.eforum.directory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.conferenceChanged;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.directory.AbstractDirectoryIT;
import org.eforum.directory.conference.Conferences;
import org.eforum.testsupport.EventLog;
import org.eforum.testsupport.kafka.PoisonRecords;
import org.eforum.testsupport.kafka.PoisonRecords.Poison;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of poison on every topic the directory reads ({@link PoisonRecords}): each goes to the topic's
 * dead-letter topic with its reason, nothing of it is projected, and a valid event behind it on the same partition
 * still is.
 */
class PoisonRecordsIT extends AbstractDirectoryIT {

    @Autowired
    Conferences conferences;

    @Test
    void registrations() {
        String registrationId = unique("reg-");
        String poisonedName = uniqueWord("poisoned");
        String misroutedConference = unique("c-");
        List<Poison> poison = PoisonRecords.batch(Topics.REGISTRATIONS, registrationId,
                confirmed(registrationId, person("Pia", poisonedName).build(), conference(unique("c-"), "Forum")),
                conferenceChanged(conference(misroutedConference, "Misrouted"), 1), true);
        List<RecordMetadata> sent = PoisonRecords.send(bootstrapServers, poison);

        String survivor = uniqueWord("survivor");
        publishOptedIn(confirmed(registrationId, person("Boris", survivor).build(), conference(unique("c-"), "Forum")));

        await().atMost(PROJECTED_WITHIN).until(() -> listed(survivor) == 1);
        assertDeadLettered(Topics.REGISTRATIONS, poison, sent);
        assertThat(listed(poisonedName)).isZero();
        assertThat(conferences.find(misroutedConference)).isEmpty();
    }

    @Test
    void conferences() {
        String conferenceId = unique("c-");
        String misroutedName = uniqueWord("misrouted");
        List<Poison> poison = PoisonRecords.batch(Topics.CONFERENCES, conferenceId,
                // a higher version than the valid one behind it: had it been applied, the valid one would be stale
                conferenceChanged(conference(conferenceId, "Poisoned"), 7),
                confirmed(unique("reg-"), person("Mia", misroutedName).build(), conference(conferenceId, "Forum")),
                false);
        List<RecordMetadata> sent = PoisonRecords.send(bootstrapServers, poison);

        publish(conferenceChanged(conference(conferenceId, "Survivor"), 1));

        await().atMost(PROJECTED_WITHIN).until(() -> conferences.find(conferenceId).isPresent());
        assertThat(conferences.find(conferenceId).orElseThrow().version()).isEqualTo(1);
        assertDeadLettered(Topics.CONFERENCES, poison, sent);
        assertThat(listed(misroutedName)).isZero();
    }

    @Test
    void erasures() {
        String email = unique("erase-") + "@example.org";
        String erasedName = uniqueWord("erased");
        String bystanderEmail = unique("stay-") + "@example.org";
        String bystanderName = uniqueWord("bystander");
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Ema", erasedName).email(email).build(),
                conference(unique("c-"), "Forum")));
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Ben", bystanderName).email(bystanderEmail).build(),
                conference(unique("c-"), "Forum")));
        await().atMost(PROJECTED_WITHIN).until(() -> listed(erasedName) == 1 && listed(bystanderName) == 1);

        String personId = EmailHash.of(email);
        String misroutedConference = unique("c-");
        // The poison names the bystander: had any of it been applied, the bystander would be gone.
        List<Poison> poison = PoisonRecords.batch(Topics.ERASURES, personId,
                new ErasureRequested(UUID.randomUUID(), Instant.now(), EmailHash.of(bystanderEmail), "poison"),
                conferenceChanged(conference(misroutedConference, "Misrouted"), 1), false);
        List<RecordMetadata> sent = PoisonRecords.send(bootstrapServers, poison);

        publish(new ErasureRequested(UUID.randomUUID(), Instant.now(), personId, "operator"));

        await().atMost(PROJECTED_WITHIN).until(() -> listed(erasedName) == 0);
        assertDeadLettered(Topics.ERASURES, poison, sent);
        assertThat(listed(bystanderName)).isEqualTo(1);
        assertThat(conferences.find(misroutedConference)).isEmpty();
    }

    private void assertDeadLettered(String topic, List<Poison> poison, List<RecordMetadata> sent) {
        String key = poison.get(0).record().key();
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(PROJECTED_WITHIN).until(
                () -> EventLog.readAll(bootstrapServers, Topics.deadLetterTopicOf(topic)).stream()
                        .filter(r -> key.equals(r.key())).toList(),
                found -> found.size() >= poison.size());
        assertThat(deadLetters).hasSize(poison.size());
        for (int i = 0; i < poison.size(); i++) {
            Poison p = poison.get(i);
            ConsumerRecord<String, byte[]> deadLetter = PoisonRecords.deadLetterOf(sent.get(i), deadLetters)
                    .orElseThrow(() -> new AssertionError("no dead letter of " + p));
            assertThat(p.isCarriedBy(deadLetter)).as(p.kind() + ": the dead letter carries the record").isTrue();
            assertThat(PoisonRecords.reasonOf(deadLetter)).as(p.kind()).contains(p.reason());
        }
    }

    private int listed(String surname) {
        return get("/api/directory/stakeholders?q=" + surname).json().get("total").asInt();
    }
}
