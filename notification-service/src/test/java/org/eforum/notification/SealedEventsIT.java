package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.notification.Fixtures.conference;
import static org.eforum.notification.Fixtures.participant;

import java.time.Instant;
import java.util.List;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.notification.delivery.Deliveries;
import org.eforum.testsupport.EventLog;
import org.eforum.testsupport.ImapMailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events as registration-service publishes them, with the participant's details sealed with their key: the mail
 * goes to them by name with their link; once their key is shredded, an event of theirs mails nobody at all and is
 * no dead letter.
 */
class SealedEventsIT extends IntegrationTest {

    @Autowired
    Deliveries deliveries;

    @Test
    void aSealedEventIsMailedInCleartextAndAnErasedPersonsMailsNobody() {
        String email = unique("sealed") + "@example.org";
        String contact = unique("contact") + "@forum.example.org";
        ConferenceSnapshot conference = conference(unique("forum"), List.of("en"), new Contact("Ana", contact),
                List.of(), OrganiserNotifications.IMMEDIATE);
        Participant sara = participant("Sara", "Sealedova", email, "en");
        PersonKey key = PersonKey.generate(EmailHash.of(email));
        RegistrationConfirmed confirmed = Fixtures.confirmed(unique("reg"), 1, sara, conference);

        // the event first, its key a moment later: the event waits for it instead of failing
        publish(Topics.REGISTRATIONS, PersonalData.seal(confirmed, key));
        publish(Topics.PERSON_KEYS, key.issued(Instant.now()));

        assertThat(text(awaitInbox(email, 1).get(0))).contains("Sara").contains(confirmed.selfServiceUrl());
        assertThat(text(awaitInbox(contact, 1).get(0))).contains("Sealedova");

        // erased: the key's tombstone; a later event of the person (sealed with the old key) mails nobody
        publishRaw(Topics.PERSON_KEYS, null, key.personId(), null);
        RegistrationConfirmed later = Fixtures.confirmed(unique("reg"), 1, sara, conference);
        awaitConsumed(publish(Topics.REGISTRATIONS, PersonalData.seal(later, key)));

        assertThat(inbox(email)).hasSize(1);
        assertThat(inbox(contact)).hasSize(1);
        assertThat(deliveries.ofRegistration(later.registrationId())).isEmpty();
        assertThat(EventLog.readAll(bootstrapServers,
                Topics.deadLetterTopicOf(Topics.REGISTRATIONS)))
                .noneMatch(record -> later.registrationId().equals(record.key()));
    }

    private static String text(ImapMailbox.ReceivedMail mail) {
        return mail.text() + mail.html();
    }
}
