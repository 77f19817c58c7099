package org.eforum.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.notification.IntegrationTest;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** DIGEST organisers get one mail per window listing every change, none for a quiet window, each digest once. */
class DigestIT extends IntegrationTest {

    private static final Duration WINDOW = Duration.ofSeconds(3); // eforum.notification.digest-interval

    @Autowired
    Digests digests;

    @Autowired
    MongoTemplate mongo;

    @Test
    void oneDigestPerWindowListsEveryChangeOnceAndAQuietWindowSendsNothing() {
        String contact = unique("digest") + "@forum.example.org";
        String cc = unique("digest-cc") + "@forum.example.org";
        ConferenceSnapshot conference = conference(List.of("bg", "en"), contact, List.of(cc));
        Participant ana = participant("Ана", "Дигест", unique("ana") + "@example.org");
        Participant bob = participant("Bob", "<b>Digest</b>", unique("bob") + "@example.org");
        RegistrationConfirmed anaConfirmed = confirmed("reg-a-" + UUID.randomUUID(), ana, conference);

        // The three changes must fall into one window: start just after a window begins (they are aligned to
        // the epoch), which leaves most of the window for the four records to be consumed.
        await().atMost(WINDOW.multipliedBy(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> Instant.now().toEpochMilli() % WINDOW.toMillis() < 100);
        publish(Topics.REGISTRATIONS, anaConfirmed);
        publish(Topics.REGISTRATIONS, anaConfirmed); // redelivered: still one line
        // Bob's key may land on another partition, read by another of the listener's consumers: wait for it too.
        awaitConsumed(publish(Topics.REGISTRATIONS, confirmed("reg-b-" + UUID.randomUUID(), bob, conference)));
        awaitConsumed(publish(Topics.REGISTRATIONS, new RegistrationCancelled(UUID.randomUUID(), Instant.now(),
                anaConfirmed.registrationId(), 2, ana, conference, "http://localhost:8081/r", RegistrationStatus.CONFIRMED)));

        ReceivedMail digest = awaitInbox(contact, 1).get(0);
        assertThat(digest.to()).containsExactly(contact);
        assertThat(digest.cc()).containsExactly(cc);
        assertThat(digest.contentLanguage()).isEqualTo("bg");
        assertThat(digest.subject()).isEqualTo("Обобщение на регистрациите: Форум за обобщения – 3 промени");
        assertThat(digest.text()).contains("Нова регистрация: Ана Дигест", "Нова регистрация: Bob <b>Digest</b>",
                "Отказ: Ана Дигест", ana.email(), "отменена");
        assertThat(digest.html()).contains("Bob &lt;b&gt;Digest&lt;/b&gt;").doesNotContain("<b>Digest");
        // The participants hear at once; only the organisers wait for the digest.
        assertThat(awaitInbox(bob.email(), 1)).hasSize(1);

        // Two quiet windows later: still that one digest.
        await().during(WINDOW.multipliedBy(2)).atMost(WINDOW.multipliedBy(3))
                .until(() -> inbox(contact).size() == 1);

        Participant cleo = participant("Cleo", "Later", unique("cleo") + "@example.org");
        publish(Topics.REGISTRATIONS, confirmed("reg-c-" + UUID.randomUUID(), cleo, conference));
        List<ReceivedMail> mails = awaitInbox(contact, 2);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).subject()).endsWith("1 промени");
        assertThat(mails.get(1).text()).contains("Cleo Later").doesNotContain("Ана Дигест");
    }

    @Test
    void aDigestIsSentOnceHoweverOftenItIsCheckedEvenAfterACrashBeforeItWasMarked() {
        String contact = unique("digest-once") + "@forum.example.org";
        ConferenceSnapshot conference = conference(List.of("en"), contact, List.of());
        awaitConsumed(publish(Topics.REGISTRATIONS, confirmed("reg-d-" + UUID.randomUUID(),
                participant("Dora", "Once", unique("dora") + "@example.org"), conference)));
        assertThat(awaitInbox(contact, 1).get(0).subject())
                .isEqualTo("Registrations digest: Digest forum – 1 change(s)");

        // As if this instance had crashed after SMTP accepted the digest but before marking its entries: the
        // next checks (here, and on the scheduler's thread) find the delivery SENT and send nothing again.
        Query ofConference = Query.query(Criteria.where("conferenceId").is(conference.id()));
        mongo.updateMulti(ofConference, new Update().set("digested", false), DigestEntry.class);
        for (int i = 0; i < 3; i++) {
            digests.sendDue();
        }
        await().during(WINDOW).atMost(WINDOW.multipliedBy(2)).until(() -> inbox(contact).size() == 1);
        assertThat(mongo.find(ofConference, DigestEntry.class)).allSatisfy(e -> assertThat(e.digested()).isTrue());
    }

    @Test
    void windowsAreAlignedToTheEpoch() {
        Instant now = Instant.parse("2026-11-24T12:00:07.500Z");
        assertThat(digests.lastWindowEnd(now)).isEqualTo(Instant.parse("2026-11-24T12:00:06Z"));
    }

    private static ConferenceSnapshot conference(List<String> languages, String contact, List<String> cc) {
        return new ConferenceSnapshot("digest-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of("en", "Digest forum", "bg", "Форум за обобщения"), Map.of("en", "Hall 1", "bg", "Зала 1"),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2), "Plovdiv", "BG", 50, null, null, languages,
                new Contact("Dina Digest", contact), cc, OrganiserNotifications.DIGEST);
    }

    private static Participant participant(String first, String last, String email) {
        return new Participant(first, last, email, "Digest Org", StakeholderType.ACADEMIA, "BG", null, "en",
                new Consents(true, false, false));
    }

    private static RegistrationConfirmed confirmed(String registrationId, Participant participant,
            ConferenceSnapshot conference) {
        return new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), registrationId, 1, participant, conference,
                "http://localhost:8081/registrations/" + registrationId + "?token=t");
    }
}
