package org.eforum.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.contracts.event.ParticipantMessaged;
import org.eforum.contracts.event.RegistrationApproved;
import org.eforum.contracts.event.RegistrationDeclined;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationSubmitted;
import org.eforum.contracts.event.RegistrationLinkResent;
import org.eforum.contracts.event.RegistrationMailResent;
import org.eforum.contracts.event.RegistrationPromoted;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.RegistrationWaitlisted;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;

final class SampleEvents {

    static final ConferenceSnapshot CONFERENCE = new ConferenceSnapshot("integration-dialogue-2027",
            Map.of("bg", "Диалог за интеграция", "en", "Dialogue on Integration"),
            Map.of("bg", "Парк-хотел „Витоша“", "en", "Park-Hotel Vitosha"),
            LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 11), "Sofia", "BG", 120, null,
            Instant.parse("2027-03-09T22:00:00Z"), List.of("bg", "en"),
            new Contact("Maria Ivanova", "contact@example.org"), List.of("cc@example.org"),
            OrganiserNotifications.IMMEDIATE,
            Map.of("bg", "Два дни за интеграцията.\nПрограмата следва.", "en", "Two days on integration.\nThe programme follows."));

    static final Participant PARTICIPANT = new Participant("Ивана", "Георгиева", "ivana@example.org",
            "Министерство на вътрешните работи", StakeholderType.GOVERNMENT_INSTITUTION, "BG", null, "bg",
            new Consents(true, true, false));

    /** The tests' address key: the services share one, and so do these tests. */
    static final String ADDRESS_KEY = "contracts-tests-address-key-0123456789abcdef";

    static {
        EmailHash.useKey(ADDRESS_KEY);
    }

    private SampleEvents() {
    }

    static List<EforumEvent> all() {
        Instant now = Instant.parse("2026-11-24T10:15:30.123Z");
        String link = "https://eforum.example.org/registrations/r-1?token=abc";
        return List.of(
                new RegistrationConfirmed(UUID.randomUUID(), now, "r-1", 1, PARTICIPANT, CONFERENCE, link),
                new RegistrationWaitlisted(UUID.randomUUID(), now, "r-2", 1, PARTICIPANT, CONFERENCE, link),
                new RegistrationPromoted(UUID.randomUUID(), now, "r-2", 2, PARTICIPANT, CONFERENCE, link),
                new RegistrationCancelled(UUID.randomUUID(), now, "r-1", 2, PARTICIPANT, CONFERENCE, link,
                        RegistrationStatus.CONFIRMED),
                new RegistrationLinkResent(UUID.randomUUID(), now, "r-2", 2, PARTICIPANT, CONFERENCE, link,
                        RegistrationStatus.CONFIRMED),
                new RegistrationAddressConfirmed(UUID.randomUUID(), now, "r-2", 3, PARTICIPANT, CONFERENCE, link,
                        RegistrationStatus.CONFIRMED),
                new RegistrationMailResent(UUID.randomUUID(), now, "r-2", 3, PARTICIPANT, CONFERENCE, link,
                        RegistrationStatus.CONFIRMED, true),
                new ParticipantMessaged(UUID.randomUUID(), now, "r-2", 3, PARTICIPANT, CONFERENCE, link,
                        RegistrationStatus.CONFIRMED, "m-1", "bg", "Програмата", "Уважаеми участници,\nпрограмата е готова."),
                new RegistrationSubmitted(UUID.randomUUID(), now, "r-3", 1, PARTICIPANT, CONFERENCE, link),
                new RegistrationApproved(UUID.randomUUID(), now, "r-3", 2, PARTICIPANT, CONFERENCE, link,
                        RegistrationStatus.CONFIRMED, "Очакваме Ви."),
                new RegistrationDeclined(UUID.randomUUID(), now, "r-4", 2, PARTICIPANT, CONFERENCE, link, null),
                new RegistrationDetailsChanged(UUID.randomUUID(), now, "r-3", 3, PARTICIPANT, CONFERENCE, link,
                        RegistrationStatus.CONFIRMED, List.of("organisation", "answers.panel")),
                new RegistrationEmailChangeRequested(UUID.randomUUID(), now, "r-3", 3, PARTICIPANT, CONFERENCE, link,
                        RegistrationStatus.CONFIRMED, "ivana.g@example.org",
                        "https://eforum.example.org/registrations/r-3/address?token=def"),
                new ConferenceChanged(UUID.randomUUID(), now, 1, CONFERENCE, List.of("organiser", "organiser2")),
                new ConferenceChanged(UUID.randomUUID(), now, 1, CONFERENCE),
                new ErasureRequested(UUID.randomUUID(), now, EmailHash.of(" Ivana@Example.org "), "operator"),
                PersonKey.generate(EmailHash.of("ivana@example.org")).issued(now),
                new OrganiserInvited(UUID.randomUUID(), now, "petya", UUID.randomUUID().toString(), "bg",
                        now.plus(java.time.Duration.ofDays(7)), "operator", "Петя Георгиева", "petya@example.org",
                        "https://eforum.example.org/organiser/invitations/i-1?token=abc&lang=bg"));
    }

    /** The registration events as they go on Kafka: sealed with the participant's key. */
    static List<EforumEvent> published() {
        PersonKey key = PersonKey.generate(EmailHash.of(PARTICIPANT.email()));
        return all().stream().map(event -> event instanceof RegistrationEvent registration
                ? PersonalData.seal(registration, key)
                : event instanceof OrganiserInvited invited
                        ? PersonalData.seal(invited, PersonKey.generate(EmailHash.of(invited.email())))
                        : event).toList();
    }
}
