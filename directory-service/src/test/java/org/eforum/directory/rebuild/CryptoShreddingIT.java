package org.eforum.directory.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.conferenceChanged;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.directory.AbstractDirectoryIT;
import org.eforum.directory.Fixtures;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Registration events as registration-service publishes them, sealed with each person's key: the directory opens
 * them (waiting for a key that comes late), and once a person's key is shredded nothing of them comes back, not in
 * a redelivery, not in a rebuild, and not as a dead letter.
 */
class CryptoShreddingIT extends AbstractDirectoryIT {

    @Test
    void sealedEventsAreOpenedAndAnErasedPersonsAreNeverReadAgainNotEvenByARebuild() {
        ConferenceSnapshot forum = conference(unique("sealed-"), "Sealed forum");
        String marker = uniqueWord("sh");
        publish(conferenceChanged(forum, 1));
        Participant erased = person("Erased" + marker, "Shredded" + marker).email(unique("erased.") + "@example.org")
                .build();
        Participant kept = person("Kept" + marker, "Stays" + marker).email(unique("kept.") + "@example.org").build();
        PersonKey erasedKey = PersonKey.generate(EmailHash.of(erased.email()));
        PersonKey keptKey = PersonKey.generate(EmailHash.of(kept.email()));
        String erasedRegistration = unique("reg-");
        String keptRegistration = unique("reg-");
        Instant t0 = Instant.now().minusSeconds(60);

        publish(erasedKey.issued(t0));
        RegistrationConfirmed erasedRegistered = confirmed(erasedRegistration, 1, erased, forum, t0);
        publish(PersonalData.seal(erasedRegistered, erasedKey));
        publish(PersonalData.seal(Fixtures.addressConfirmed(erasedRegistered, t0.plusMillis(10)), erasedKey));
        // the kept person's events come before their key: they wait for it, and are not dead-lettered
        RegistrationConfirmed keptRegistered = confirmed(keptRegistration, 1, kept, forum, t0.plusSeconds(1));
        publish(PersonalData.seal(keptRegistered, keptKey));
        publish(PersonalData.seal(Fixtures.addressConfirmed(keptRegistered, t0.plusSeconds(2)), keptKey));
        publish(keptKey.issued(t0));
        awaitAllConsumed();
        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> assertThat(participants(forum.id()))
                .contains("Erased" + marker, "Kept" + marker));

        // the erasure as registration-service publishes it: the key's tombstone and the request
        publishTombstone(erasedKey.personId());
        publish(new ErasureRequested(UUID.randomUUID(), Instant.now(), erasedKey.personId(), "operator"));
        // a late redelivery of the erased person's event (say, a re-driven dead letter) after the key is gone
        publish(PersonalData.seal(confirmed(erasedRegistration, 3, erased, forum, Instant.now()), erasedKey));
        awaitAllConsumed();
        assertThat(participants(forum.id())).doesNotContain("Erased" + marker).contains("Kept" + marker);

        assertThat(post("/api/directory/rebuild", OPERATOR, OPERATOR_PASSWORD).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = get("/api/directory/rebuild", OPERATOR, OPERATOR_PASSWORD).json();
            return status.get("remaining").isNumber() && status.get("remaining").asLong() == 0;
        });
        awaitAllConsumed();

        assertThat(participants(forum.id())).contains("Kept" + marker).doesNotContain("Erased" + marker,
                "Shredded" + marker, erased.email());
        assertThat(get("/api/directory/stakeholders?q=kept" + marker).body()).contains("Kept" + marker);
        assertThat(get("/api/directory/stakeholders?q=erased" + marker).body()).doesNotContain("Erased" + marker);
        assertThat(EventLog.readAll(bootstrapServers, Topics.deadLetterTopicOf(Topics.REGISTRATIONS)))
                .noneMatch(record -> erasedRegistration.equals(record.key()) || keptRegistration.equals(record.key()));
    }

    private String participants(String conferenceId) {
        return get("/api/directory/conferences/" + conferenceId + "/participants", ORGANISER, ORGANISER_PASSWORD).body();
    }
}

