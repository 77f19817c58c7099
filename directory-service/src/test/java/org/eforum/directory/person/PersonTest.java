package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;
import org.junit.jupiter.api.Test;

class PersonTest {

    static {
        // as the platform does at start-up: person ids are keyed with the services' shared secret
        org.eforum.contracts.event.EmailHash.useKey("person-test-address-key-0123456789abcdef");
    }

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    @Test
    void theSameEventTwiceChangesNothing() {
        Person person = Person.newcomer("ana@example.org", "public-id");
        RegistrationConfirmed confirmed = confirmed("r-1", "conf-a", 1, T0, true);

        assertThat(person.record(confirmed, "org")).isTrue();
        assertThat(person.record(confirmed, "org")).isFalse();
        assertThat(person.participations()).hasSize(1);
    }

    @Test
    void anOvertakenEventIsIgnored() {
        Person person = Person.newcomer("ana@example.org", "public-id");
        RegistrationConfirmed confirmed = confirmed("r-1", "conf-a", 1, T0, true);
        RegistrationCancelled cancelled = new RegistrationCancelled(UUID.randomUUID(), T0.plusSeconds(60), "r-1", 2,
                participant(true), confirmed.conference(), null, RegistrationStatus.CONFIRMED);

        assertThat(person.record(cancelled, "org")).isTrue();
        assertThat(person.record(confirmed, "org")).isFalse();
        assertThat(person.participation("r-1")).get().extracting(Participation::status)
                .isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void theNewestEventDecidesConsentWhateverTheOrderOfArrival() {
        RegistrationConfirmed older = confirmed("r-1", "conf-a", 1, T0, true);
        RegistrationConfirmed newer = confirmed("r-2", "conf-b", 1, T0.plusSeconds(1), false);

        Person inOrder = Person.newcomer("ana@example.org", "public-id");
        inOrder.record(older, "org");
        inOrder.record(newer, "org");
        Person reversed = Person.newcomer("ana@example.org", "public-id");
        reversed.record(newer, "org");
        reversed.record(older, "org");

        assertThat(inOrder.profile().listInDirectory()).isFalse();
        assertThat(reversed.profile().listInDirectory()).isFalse();
        assertThat(reversed.participations()).hasSize(2);
    }

    @Test
    void onlyConfirmedParticipationsCountAsAttended() {
        Person person = Person.newcomer("ana@example.org", "public-id");
        person.record(confirmed("r-1", "conf-a", 1, T0, true), "org");
        person.record(new RegistrationCancelled(UUID.randomUUID(), T0, "r-2", 2, participant(true),
                conference("conf-b"), null, RegistrationStatus.CONFIRMED), "org");

        assertThat(person.attended()).extracting(Participation::conferenceId).containsExactly("conf-a");
    }

    private static RegistrationConfirmed confirmed(String registrationId, String conferenceId, long sequence,
            Instant at, boolean listed) {
        return new RegistrationConfirmed(UUID.randomUUID(), at, registrationId, sequence, participant(listed),
                conference(conferenceId), null);
    }

    private static Participant participant(boolean listed) {
        return new Participant("Ana", "Ivanova", "Ana@Example.org", "NGO", StakeholderType.CIVIL_SOCIETY, "BG",
                null, "bg", new Consents(true, listed, false));
    }

    private static ConferenceSnapshot conference(String id) {
        return new ConferenceSnapshot(id, Map.of("en", id), Map.of("en", "Hall"), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 2), "Sofia", "BG", 100, null, null, List.of("en"),
                new Contact("Org", "org@example.org"), List.of(), OrganiserNotifications.NONE);
    }
}
