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
import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationEvent;
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
    void theNewestConfirmedEventDecidesConsentWhateverTheOrderOfArrival() {
        RegistrationConfirmed older = confirmed("r-1", "conf-a", 1, T0, true);
        RegistrationAddressConfirmed olderConfirmed = addressConfirmed(older, T0.plusMillis(10));
        RegistrationConfirmed newer = confirmed("r-2", "conf-b", 1, T0.plusSeconds(1), false);
        RegistrationAddressConfirmed newerConfirmed = addressConfirmed(newer, T0.plusSeconds(2));

        Person inOrder = Person.newcomer("ana@example.org", "public-id");
        List.of(older, olderConfirmed, newer, newerConfirmed).forEach(e -> inOrder.record(e, "org"));
        Person reversed = Person.newcomer("ana@example.org", "public-id");
        List.of(newer, newerConfirmed, older, olderConfirmed).forEach(e -> reversed.record(e, "org"));

        assertThat(inOrder.profile().listInDirectory()).isFalse();
        assertThat(reversed.profile()).isEqualTo(inOrder.profile());
        assertThat(reversed.search()).isEqualTo(inOrder.search());
        assertThat(reversed.participations()).isEqualTo(inOrder.participations()).hasSize(2);
    }

    @Test
    void anUnconfirmedRegistrationListsNobodyUntilItsAddressIsConfirmed() {
        Person person = Person.newcomer("ana@example.org", "public-id");
        RegistrationConfirmed registered = new RegistrationConfirmed(UUID.randomUUID(), T0, "r-1", 1,
                participant("Ana", true, true), conference("conf-a"), null);

        person.record(registered, "org");

        assertThat(person.profile().firstName()).as("organisers still see who registered").isEqualTo("Ana");
        assertThat(person.profile().listInDirectory()).isFalse();
        assertThat(person.profile().joinExpertsNetwork()).isFalse();
        assertThat(person.search().keys()).isEmpty();
        assertThat(person.attended()).isEmpty();

        assertThat(person.record(addressConfirmed(registered, T0.plusSeconds(5)), "org")).isTrue();

        assertThat(person.profile().listInDirectory()).isTrue();
        assertThat(person.profile().joinExpertsNetwork()).isTrue();
        assertThat(person.search().keys()).contains(SearchKeys.LISTED, SearchKeys.EXPERTS);
        assertThat(person.attended()).extracting(Participation::conferenceId).containsExactly("conf-a");
        RegistrationCancelled cancelled = new RegistrationCancelled(UUID.randomUUID(), T0.plusSeconds(9), "r-1", 3,
                participant("Ana", true, true), conference("conf-a"), null, RegistrationStatus.CONFIRMED);
        person.record(cancelled, "org");
        assertThat(person.participation("r-1")).get().extracting(Participation::addressConfirmed)
                .as("the registration's later events keep its confirmation").isEqualTo(true);
    }

    @Test
    void anUnconfirmedLaterRegistrationNeitherUnlistsNorRenamesNorMovesInTheExpertsNetwork() {
        RegistrationConfirmed own = confirmed("r-1", "conf-a", 1, T0, true);
        RegistrationConfirmed stranger = new RegistrationConfirmed(UUID.randomUUID(), T0.plusSeconds(60), "r-2", 1,
                participant("Mallory", false, true), conference("conf-b"), null);
        RegistrationConfirmed strangersListing = new RegistrationConfirmed(UUID.randomUUID(), T0.plusSeconds(90),
                "r-3", 1, participant("Eve", true, false), conference("conf-c"), null);

        for (List<RegistrationEvent> order : List.of(
                List.<RegistrationEvent>of(own, addressConfirmed(own, T0.plusSeconds(1)), stranger, strangersListing),
                List.<RegistrationEvent>of(stranger, strangersListing, own, addressConfirmed(own, T0.plusSeconds(1))))) {
            Person person = Person.newcomer("ana@example.org", "public-id");
            order.forEach(e -> person.record(e, "org"));

            assertThat(person.profile().firstName()).isEqualTo("Ana");
            assertThat(person.profile().listInDirectory()).isTrue();
            assertThat(person.profile().joinExpertsNetwork()).isFalse();
            assertThat(person.attended()).extracting(Participation::conferenceId).containsExactly("conf-a");
            assertThat(person.participations()).as("organisers see every registration").hasSize(3);
        }
    }

    @Test
    void anErasureOfTheConfirmedPastLeavesALaterUnconfirmedRegistrationUnlisted() {
        RegistrationConfirmed own = confirmed("r-1", "conf-a", 1, T0, true);
        RegistrationConfirmed later = new RegistrationConfirmed(UUID.randomUUID(), T0.plusSeconds(600), "r-2", 1,
                participant("Ana", true, false), conference("conf-b"), null);
        Person person = Person.newcomer("ana@example.org", "public-id");
        List.of(own, addressConfirmed(own, T0.plusSeconds(1)), later).forEach(e -> person.record(e, "org"));

        assertThat(person.eraseUpTo(T0.plusSeconds(300))).isTrue();

        assertThat(person.participations()).extracting(Participation::registrationId).containsExactly("r-2");
        assertThat(person.profile().asOf()).isEqualTo(Profile.storedInstant(later));
        assertThat(person.profile().listInDirectory()).isFalse();
        assertThat(person.search().keys()).isEmpty();
    }

    @Test
    void onlyConfirmedSeatsOfConfirmedAddressesCountAsAttended() {
        Person person = Person.newcomer("ana@example.org", "public-id");
        RegistrationConfirmed seated = confirmed("r-1", "conf-a", 1, T0, true);
        person.record(seated, "org");
        person.record(addressConfirmed(seated, T0.plusSeconds(1)), "org");
        RegistrationConfirmed cancelledOne = confirmed("r-2", "conf-b", 1, T0, true);
        person.record(cancelledOne, "org");
        person.record(addressConfirmed(cancelledOne, T0.plusSeconds(1)), "org");
        person.record(new RegistrationCancelled(UUID.randomUUID(), T0.plusSeconds(2), "r-2", 3, participant(true),
                conference("conf-b"), null, RegistrationStatus.CONFIRMED), "org");
        person.record(confirmed("r-3", "conf-c", 1, T0, true), "org");

        assertThat(person.attended()).extracting(Participation::conferenceId).containsExactly("conf-a");
    }

    private static RegistrationAddressConfirmed addressConfirmed(RegistrationEvent registered, Instant at) {
        return new RegistrationAddressConfirmed(UUID.randomUUID(), at, registered.registrationId(),
                registered.sequence() + 1, registered.participant(), registered.conference(), null, registered.status());
    }

    private static RegistrationConfirmed confirmed(String registrationId, String conferenceId, long sequence,
            Instant at, boolean listed) {
        return new RegistrationConfirmed(UUID.randomUUID(), at, registrationId, sequence, participant(listed),
                conference(conferenceId), null);
    }

    private static Participant participant(boolean listed) {
        return participant("Ana", listed, false);
    }

    private static Participant participant(String firstName, boolean listed, boolean experts) {
        return new Participant(firstName, "Ivanova", "Ana@Example.org", "NGO", StakeholderType.CIVIL_SOCIETY, "BG",
                null, "bg", new Consents(true, listed, experts));
    }

    private static ConferenceSnapshot conference(String id) {
        return new ConferenceSnapshot(id, Map.of("en", id), Map.of("en", "Hall"), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 2), "Sofia", "BG", 100, null, null, List.of("en"),
                new Contact("Org", "org@example.org"), List.of(), OrganiserNotifications.NONE);
    }
}
