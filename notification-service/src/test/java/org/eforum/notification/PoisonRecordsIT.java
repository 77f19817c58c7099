package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.notification.conference.Conferences;
import org.eforum.notification.delivery.Deliveries;
import org.eforum.notification.delivery.Delivery;
import org.eforum.testsupport.EventLog;
import org.eforum.testsupport.kafka.PoisonRecords;
import org.eforum.testsupport.kafka.PoisonRecords.Poison;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of poison on every topic the service reads ({@link PoisonRecords}): each goes to the topic's
 * dead-letter topic with its reason, nobody is mailed for it and nothing of it is kept, and a valid event behind it
 * on the same partition is still handled. The person-keys topic has no dead letters: poison there is skipped.
 */
class PoisonRecordsIT extends IntegrationTest {

    @Autowired
    Conferences conferences;

    @Autowired
    Deliveries deliveries;

    @Test
    void registrations() {
        String registrationId = unique("reg");
        String poisoned = unique("poisoned") + "@example.org";
        String misroutedConference = unique("misrouted");
        List<Poison> poison = PoisonRecords.batch(Topics.REGISTRATIONS, registrationId,
                Fixtures.confirmed(registrationId, 1, participant("Pia", "Poison", poisoned, "en"), forum()),
                Fixtures.changed(1, conference(misroutedConference, List.of("en"), contact(), List.of(),
                        OrganiserNotifications.IMMEDIATE)), true);
        List<RecordMetadata> sent = PoisonRecords.send(bootstrapServers, poison);

        String email = unique("after") + "@example.org";
        publish(Topics.REGISTRATIONS, Fixtures.confirmed(registrationId, 1, participant("After", "Poison", email, "en"),
                forum()));

        assertThat(awaitInbox(email, 1)).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).startsWith("Registration confirmed"));
        assertDeadLettered(Topics.REGISTRATIONS, poison, sent);
        assertThat(inbox(poisoned)).isEmpty();
        assertThat(deliveries.ofRegistration(registrationId)).singleElement()
                .satisfies(delivery -> assertThat(delivery.recipient()).isEqualTo(email));
        assertThat(conferences.find(misroutedConference)).isEmpty();
    }

    @Test
    void conferences() {
        String conferenceId = unique("forum");
        String misrouted = unique("misrouted") + "@example.org";
        List<Poison> poison = PoisonRecords.batch(Topics.CONFERENCES, conferenceId,
                // a higher version than the valid one behind it: had it been applied, the valid one would be stale
                Fixtures.changed(7, conference(conferenceId, List.of("en"), contact(), List.of(),
                        OrganiserNotifications.IMMEDIATE)),
                Fixtures.confirmed(unique("reg"), 1, participant("Mia", "Misrouted", misrouted, "en"), forum()),
                false);
        List<RecordMetadata> sent = PoisonRecords.send(bootstrapServers, poison);

        publish(Topics.CONFERENCES, Fixtures.changed(1, conference(conferenceId, List.of("en"), contact(), List.of(),
                OrganiserNotifications.NONE)));

        await().atMost(PATIENCE).until(() -> conferences.find(conferenceId).isPresent());
        assertThat(conferences.find(conferenceId).orElseThrow().version()).isEqualTo(1);
        assertDeadLettered(Topics.CONFERENCES, poison, sent);
        assertThat(inbox(misrouted)).isEmpty();
    }

    @Test
    void erasures() {
        String email = unique("erase") + "@example.org";
        String bystander = unique("stay") + "@example.org";
        RegistrationConfirmed erased = Fixtures.confirmed(unique("reg"), 1, participant("Ema", "Erased", email, "en"),
                forum());
        RegistrationConfirmed stays = Fixtures.confirmed(unique("reg"), 1,
                participant("Ben", "Bystander", bystander, "en"), forum());
        publish(Topics.REGISTRATIONS, erased);
        publish(Topics.REGISTRATIONS, stays);
        awaitInbox(email, 1);
        awaitInbox(bystander, 1);

        String personId = EmailHash.of(email);
        String misroutedConference = unique("misrouted");
        // The poison names the bystander: had any of it been applied, the bystander's log would be redacted.
        List<Poison> poison = PoisonRecords.batch(Topics.ERASURES, personId,
                new ErasureRequested(UUID.randomUUID(), Instant.now(), EmailHash.of(bystander), "poison"),
                Fixtures.changed(1, conference(misroutedConference, List.of("en"), contact(), List.of(),
                        OrganiserNotifications.IMMEDIATE)), false);
        List<RecordMetadata> sent = PoisonRecords.send(bootstrapServers, poison);

        publish(Topics.ERASURES, new ErasureRequested(UUID.randomUUID(), Instant.now(), personId, "operator"));

        await().atMost(PATIENCE).until(() -> deliveries.ofRegistration(erased.registrationId()).stream()
                .allMatch(d -> Delivery.ERASED.equals(d.recipient())));
        assertDeadLettered(Topics.ERASURES, poison, sent);
        assertThat(deliveries.ofRegistration(stays.registrationId())).singleElement()
                .satisfies(delivery -> assertThat(delivery.recipient()).isEqualTo(bystander));
        assertThat(conferences.find(misroutedConference)).isEmpty();
    }

    @Test
    void accounts() {
        String username = unique("poisoned");
        String email = unique("invitee") + "@example.org";
        String poisoned = unique("poisoned") + "@example.org";
        String misroutedConference = unique("misrouted");
        // The poison borrows a cleartext invitation to another address: had any of it been mailed, that box fills.
        List<Poison> poison = PoisonRecords.batch(Topics.ACCOUNTS, username, invitation(username, poisoned),
                Fixtures.changed(1, conference(misroutedConference, List.of("en"), contact(), List.of(),
                        OrganiserNotifications.IMMEDIATE)), true);
        List<RecordMetadata> sent = PoisonRecords.send(bootstrapServers, poison);

        PersonKey key = PersonKey.generate(EmailHash.of(email));
        publish(Topics.PERSON_KEYS, key.issued(Instant.now()));
        publish(Topics.ACCOUNTS, PersonalData.seal(invitation(username, email), key));

        assertThat(awaitInbox(email, 1)).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Your invitation to E-Forum for organisers"));
        assertDeadLettered(Topics.ACCOUNTS, poison, sent);
        assertThat(inbox(poisoned)).isEmpty();
        assertThat(conferences.find(misroutedConference)).isEmpty();
    }

    private static OrganiserInvited invitation(String username, String email) {
        String id = UUID.randomUUID().toString();
        return new OrganiserInvited(UUID.randomUUID(), Instant.now(), username, id, "en",
                Instant.now().plusSeconds(3600), "operator", null, email,
                "http://localhost:8081/organiser/invitations/" + id + "?token=t&lang=en");
    }

    /**
     * The person keys are read by the platform's key cache, not a listener: poison there is logged and skipped,
     * never copied anywhere (a copy of a key record could outlive the person's erasure), and the keys behind it
     * are still read.
     */
    @Test
    void personKeys() {
        String email = unique("sealed") + "@example.org";
        PersonKey key = PersonKey.generate(EmailHash.of(email));
        PersonKey impostor = PersonKey.generate(EmailHash.of(email));
        List<Poison> poison = PoisonRecords.batch(Topics.PERSON_KEYS, key.personId(), impostor.issued(Instant.now()),
                Fixtures.changed(1, conference(unique("misrouted"), List.of("en"), contact(), List.of(),
                        OrganiserNotifications.NONE)), false);
        PoisonRecords.send(bootstrapServers, poison);

        publish(Topics.PERSON_KEYS, key.issued(Instant.now()));
        RegistrationConfirmed confirmed = Fixtures.confirmed(unique("reg"), 1,
                participant("Sara", "Sealedova", email, "en"), forum());
        publish(Topics.REGISTRATIONS, PersonalData.seal(confirmed, key));

        assertThat(awaitInbox(email, 1)).singleElement()
                .satisfies(mail -> assertThat(mail.text() + mail.html()).contains("Sara"));
        assertThat(EventLog.readAll(bootstrapServers, Topics.deadLetterTopicOf(Topics.PERSON_KEYS)))
                .noneMatch(record -> key.personId().equals(record.key()));
        assertThat(EventLog.readAll(bootstrapServers, Topics.deadLetterTopicOf(Topics.REGISTRATIONS)))
                .noneMatch(record -> confirmed.registrationId().equals(record.key()));
    }

    private void assertDeadLettered(String topic, List<Poison> poison, List<RecordMetadata> sent) {
        String key = poison.get(0).record().key();
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(PATIENCE).until(
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

    private static ConferenceSnapshot forum() {
        return conference(unique("forum"), List.of("en"), contact(), List.of(), OrganiserNotifications.NONE);
    }

    private static Contact contact() {
        return new Contact("Ana", "ana@forum.example.org");
    }
}
