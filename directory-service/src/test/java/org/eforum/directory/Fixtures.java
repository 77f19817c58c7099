package org.eforum.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationApproved;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationDeclined;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.RegistrationSubmitted;
import org.eforum.contracts.event.RegistrationWaitlisted;
import org.eforum.contracts.event.StakeholderType;

/** Events as registration-service publishes them, with only what a test cares about to fill in. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A short random suffix that keeps one test's data apart from another's in the shared context. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A random word of letters only, for names that searches must find exactly. */
    public static String uniqueWord(String prefix) {
        StringBuilder word = new StringBuilder(prefix);
        UUID.randomUUID().toString().replace("-", "").substring(0, 10).chars()
                .forEach(c -> word.append((char) ('a' + Character.digit(c, 16))));
        return word.toString();
    }

    public static ConferenceSnapshot conference(String id, String titleEn) {
        return new ConferenceSnapshot(id, Map.of("en", titleEn, "bg", "БГ " + titleEn), Map.of("en", "Hall 1"),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2), "Sofia", "BG", 200, null, null,
                List.of("bg", "en"), new Contact("Organiser", "organiser@eforum.example"), List.of(),
                OrganiserNotifications.NONE);
    }

    /** A change of the conference, whose team is the tests' organiser. */
    public static ConferenceChanged conferenceChanged(ConferenceSnapshot conference, long version) {
        return new ConferenceChanged(UUID.randomUUID(), Instant.now(), version, conference, List.of("organiser"));
    }

    public static RegistrationConfirmed confirmed(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference, Instant at) {
        return new RegistrationConfirmed(UUID.randomUUID(), at, registrationId, sequence, participant, conference,
                "https://register.eforum.example/registrations/" + registrationId + "?token=secret");
    }

    public static RegistrationConfirmed confirmed(String registrationId, Participant participant,
            ConferenceSnapshot conference) {
        return confirmed(registrationId, 1, participant, conference, Instant.now());
    }

    public static RegistrationWaitlisted waitlisted(String registrationId, Participant participant,
            ConferenceSnapshot conference) {
        return new RegistrationWaitlisted(UUID.randomUUID(), Instant.now(), registrationId, 1, participant,
                conference, "https://register.eforum.example/registrations/" + registrationId + "?token=secret");
    }

    public static RegistrationCancelled cancelled(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference, Instant at) {
        return new RegistrationCancelled(UUID.randomUUID(), at, registrationId, sequence, participant, conference,
                null, RegistrationStatus.CONFIRMED);
    }

    /**
     * The participant confirmed the address of {@code registered} (the button on their page) a millisecond after
     * it: the next sequence, the same status.
     */
    public static RegistrationAddressConfirmed addressConfirmed(RegistrationEvent registered) {
        return addressConfirmed(registered, registered.occurredAt().plusMillis(1));
    }

    public static RegistrationAddressConfirmed addressConfirmed(RegistrationEvent registered, Instant at) {
        return new RegistrationAddressConfirmed(UUID.randomUUID(), at, registered.registrationId(),
                registered.sequence() + 1, registered.participant(), registered.conference(),
                registered.selfServiceUrl(), registered.status());
    }

    /** A submit to a moderated conference: PENDING, sequence 1. */
    public static RegistrationSubmitted submitted(String registrationId, Participant participant,
            ConferenceSnapshot conference) {
        return new RegistrationSubmitted(UUID.randomUUID(), Instant.now(), registrationId, 1, participant, conference,
                "https://register.eforum.example/registrations/" + registrationId + "?token=secret");
    }

    /** The organisers approved {@code before}'s registration a millisecond after it (CONFIRMED or WAITLISTED). */
    public static RegistrationApproved approved(RegistrationEvent before, RegistrationStatus status) {
        return new RegistrationApproved(UUID.randomUUID(), before.occurredAt().plusMillis(1), before.registrationId(),
                before.sequence() + 1, before.participant(), before.conference(), before.selfServiceUrl(), status,
                "Welcome");
    }

    /** The organisers declined {@code before}'s registration a millisecond after it. */
    public static RegistrationDeclined declined(RegistrationEvent before) {
        return new RegistrationDeclined(UUID.randomUUID(), before.occurredAt().plusMillis(1), before.registrationId(),
                before.sequence() + 1, before.participant(), before.conference(), before.selfServiceUrl(),
                "Sorry, the hall is for members only");
    }

    /**
     * The participant corrected {@code before}'s registration a millisecond after it: {@code now} is the participant
     * as corrected; with {@code email} among the fields, the new address was confirmed.
     */
    public static RegistrationDetailsChanged detailsChanged(RegistrationEvent before, Participant now,
            String... changedFields) {
        return new RegistrationDetailsChanged(UUID.randomUUID(), before.occurredAt().plusMillis(1),
                before.registrationId(), before.sequence() + 1, now, before.conference(), before.selfServiceUrl(),
                before.status(), List.of(changedFields));
    }

    /** The participant asked to move {@code current}'s registration to {@code newEmail}: the current sequence. */
    public static RegistrationEmailChangeRequested emailChangeRequested(RegistrationEvent current, String newEmail) {
        return new RegistrationEmailChangeRequested(UUID.randomUUID(), current.occurredAt().plusMillis(1),
                current.registrationId(), current.sequence(), current.participant(), current.conference(),
                current.selfServiceUrl(), current.status(), newEmail,
                "https://register.eforum.example/registrations/" + current.registrationId() + "/email?token=change");
    }

    public static PersonBuilder person(String firstName, String lastName) {
        return new PersonBuilder(firstName, lastName);
    }

    /** A participant who consents to be listed unless told otherwise. */
    public static final class PersonBuilder {

        private final String firstName;
        private final String lastName;
        private String email;
        private String organisation = "Independent";
        private StakeholderType type = StakeholderType.EXPERT;
        private String country = "BG";
        private String position;
        private boolean listed = true;
        private boolean experts;

        private PersonBuilder(String firstName, String lastName) {
            this.firstName = firstName;
            this.lastName = lastName;
            this.email = unique("person-") + "@example.org";
        }

        public PersonBuilder email(String email) {
            this.email = email;
            return this;
        }

        public PersonBuilder organisation(String organisation) {
            this.organisation = organisation;
            return this;
        }

        public PersonBuilder type(StakeholderType type) {
            this.type = type;
            return this;
        }

        public PersonBuilder country(String country) {
            this.country = country;
            return this;
        }

        public PersonBuilder position(String position) {
            this.position = position;
            return this;
        }

        public PersonBuilder listed(boolean listed) {
            this.listed = listed;
            return this;
        }

        public PersonBuilder expertsNetwork(boolean experts) {
            this.experts = experts;
            return this;
        }

        public Participant build() {
            return new Participant(firstName, lastName, email, organisation, type, country, position, "bg",
                    new Consents(true, listed, experts));
        }
    }
}
