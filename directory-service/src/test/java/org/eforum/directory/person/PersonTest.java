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
import org.eforum.contracts.event.RegistrationApproved;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationDeclined;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationSubmitted;
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

    @Test
    void aPendingRegistrationListsNobodyEvenWithItsAddressConfirmedUntilItIsApproved() {
        Person person = Person.newcomer("ana@example.org", "public-id");
        RegistrationSubmitted submitted = submitted("r-1", "conf-a", T0, participant("Ana", true, true));
        RegistrationAddressConfirmed confirmedWhilePending = addressConfirmed(submitted, T0.plusSeconds(1));

        assertThat(person.record(submitted, "org")).isTrue();
        assertThat(person.record(confirmedWhilePending, "org")).isTrue();

        assertThat(person.profile().firstName()).as("organisers still see who registered").isEqualTo("Ana");
        assertThat(person.participation("r-1")).get().extracting(Participation::status)
                .isEqualTo(RegistrationStatus.PENDING);
        assertThat(person.profile().listInDirectory()).isFalse();
        assertThat(person.profile().joinExpertsNetwork()).isFalse();
        assertThat(person.search().keys()).isEmpty();
        assertThat(person.attended()).isEmpty();

        assertThat(person.record(approved("r-1", 3, confirmedWhilePending, RegistrationStatus.CONFIRMED,
                T0.plusSeconds(2)), "org")).isTrue();

        assertThat(person.profile().listInDirectory()).isTrue();
        assertThat(person.profile().joinExpertsNetwork()).isTrue();
        assertThat(person.search().keys()).contains(SearchKeys.LISTED, SearchKeys.EXPERTS);
        assertThat(person.attended()).extracting(Participation::conferenceId).containsExactly("conf-a");
    }

    @Test
    void anApprovalOfAnUnconfirmedAddressStillWaitsForTheAddress() {
        Person person = Person.newcomer("ana@example.org", "public-id");
        RegistrationSubmitted submitted = submitted("r-1", "conf-a", T0, participant(true));
        RegistrationApproved approved = approved("r-1", 2, submitted, RegistrationStatus.CONFIRMED, T0.plusSeconds(1));
        person.record(submitted, "org");
        person.record(approved, "org");

        assertThat(person.profile().listInDirectory()).isFalse();

        person.record(addressConfirmed(approved, T0.plusSeconds(2)), "org");
        assertThat(person.profile().listInDirectory()).isTrue();
    }

    @Test
    void anApprovalOntoTheWaitingListListsThePersonWithoutTheConference() {
        Person person = Person.newcomer("ana@example.org", "public-id");
        RegistrationSubmitted submitted = submitted("r-1", "conf-a", T0, participant(true));
        RegistrationAddressConfirmed confirmedWhilePending = addressConfirmed(submitted, T0.plusSeconds(1));
        List.of(submitted, confirmedWhilePending, approved("r-1", 3, confirmedWhilePending,
                RegistrationStatus.WAITLISTED, T0.plusSeconds(2))).forEach(e -> person.record(e, "org"));

        assertThat(person.profile().listInDirectory()).isTrue();
        assertThat(person.participation("r-1")).get().extracting(Participation::status)
                .isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(person.attended()).isEmpty();
    }

    @Test
    void aDeclinedOrWithdrawnPendingRegistrationIsNeverListedNorChangesAListedPerson() {
        RegistrationSubmitted submitted = submitted("r-1", "conf-a", T0, participant("Ana", true, true));
        RegistrationAddressConfirmed confirmedWhilePending = addressConfirmed(submitted, T0.plusSeconds(1));
        RegistrationDeclined declined = new RegistrationDeclined(UUID.randomUUID(), T0.plusSeconds(2), "r-1", 3,
                submitted.participant(), submitted.conference(), null, "Sorry");
        RegistrationCancelled withdrawn = new RegistrationCancelled(UUID.randomUUID(), T0.plusSeconds(2), "r-1", 3,
                submitted.participant(), submitted.conference(), null, RegistrationStatus.PENDING);

        for (RegistrationEvent end : List.<RegistrationEvent>of(declined, withdrawn)) {
            Person person = Person.newcomer("ana@example.org", "public-id");
            List.of(submitted, confirmedWhilePending, end).forEach(e -> person.record(e, "org"));

            assertThat(person.participation("r-1")).get().extracting(Participation::status).isEqualTo(end.status());
            assertThat(person.profile().listInDirectory()).isFalse();
            assertThat(person.search().keys()).isEmpty();
            assertThat(person.attended()).isEmpty();
        }

        // Someone already listed by their own registration: a later declined one neither renames nor un-lists them.
        RegistrationConfirmed own = confirmed("r-0", "conf-0", 1, T0.minusSeconds(60), true);
        RegistrationSubmitted other = submitted("r-2", "conf-b", T0, participant("Mallory", false, true));
        Person listed = Person.newcomer("ana@example.org", "public-id");
        List.of(own, addressConfirmed(own, T0.minusSeconds(59)), other, addressConfirmed(other, T0.plusSeconds(1)),
                new RegistrationDeclined(UUID.randomUUID(), T0.plusSeconds(2), "r-2", 3, other.participant(),
                        other.conference(), null, null)).forEach(e -> listed.record(e, "org"));
        assertThat(listed.profile().firstName()).isEqualTo("Ana");
        assertThat(listed.profile().listInDirectory()).isTrue();
        assertThat(listed.profile().joinExpertsNetwork()).isFalse();
    }

    @Test
    void aDetailsChangeUpdatesThePublicProfileOnceAndAnOlderEventDoesNotUndoIt() {
        Person person = Person.newcomer("ana@example.org", "public-id");
        RegistrationConfirmed registered = confirmed("r-1", "conf-a", 1, T0, true);
        RegistrationAddressConfirmed confirmed = addressConfirmed(registered, T0.plusSeconds(1));
        RegistrationDetailsChanged changed = detailsChanged("r-1", 3, registered.conference(),
                new Participant("Ana", "Petrova", "ana@example.org", "Ministry", StakeholderType.GOVERNMENT_INSTITUTION,
                        "MK", "Adviser", "en", new Consents(true, true, true)),
                T0.plusSeconds(2), "lastName", "organisation", "stakeholderType", "country", "position", "language",
                "consents");
        person.record(registered, "org");
        person.record(confirmed, "org");

        assertThat(person.record(changed, "ministry")).isTrue();
        Profile after = person.profile();
        assertThat(person.record(changed, "ministry")).as("redelivered").isFalse();
        assertThat(person.record(confirmed, "org")).as("an older event redelivered").isFalse();

        assertThat(person.profile()).isEqualTo(after);
        assertThat(after.lastName()).isEqualTo("Petrova");
        assertThat(after.organisation()).isEqualTo("Ministry");
        assertThat(after.organisationId()).isEqualTo("ministry");
        assertThat(after.stakeholderType()).isEqualTo(StakeholderType.GOVERNMENT_INSTITUTION);
        assertThat(after.country()).isEqualTo("MK");
        assertThat(after.position()).isEqualTo("Adviser");
        assertThat(after.language()).isEqualTo("en");
        assertThat(after.listInDirectory()).isTrue();
        assertThat(after.joinExpertsNetwork()).as("the consents follow too").isTrue();
        assertThat(person.participation("r-1")).get().extracting(Participation::status, Participation::sequence)
                .containsExactly(RegistrationStatus.CONFIRMED, 3L);
    }

    @Test
    void aDetailsChangeToANewAddressCountsAsConfirmedThere() {
        Person moved = Person.newcomer("ana.new@example.org", "new-public-id");
        RegistrationDetailsChanged changed = detailsChanged("r-1", 4, conference("conf-a"),
                new Participant("Ana", "Ivanova", "Ana.New@example.org", "NGO", StakeholderType.CIVIL_SOCIETY, "BG",
                        null, "bg", new Consents(true, true, false)), T0.plusSeconds(5), "email");

        assertThat(moved.record(changed, "org")).isTrue();

        assertThat(moved.participation("r-1")).get().extracting(Participation::addressConfirmed).isEqualTo(true);
        assertThat(moved.profile().listInDirectory()).isTrue();
        assertThat(moved.email()).isEqualTo("Ana.New@example.org");
        assertThat(moved.attended()).extracting(Participation::conferenceId).containsExactly("conf-a");
    }

    @Test
    void aReleasedRegistrationLeavesThePersonTheirOthersOrNothing() {
        RegistrationConfirmed own = confirmed("r-1", "conf-a", 1, T0, true);
        RegistrationConfirmed moving = new RegistrationConfirmed(UUID.randomUUID(), T0.plusSeconds(60), "r-2", 1,
                participant("Anna", true, true), conference("conf-b"), null);
        Person person = Person.newcomer("ana@example.org", "public-id");
        List.of(own, addressConfirmed(own, T0.plusSeconds(1)), moving, addressConfirmed(moving, T0.plusSeconds(61)))
                .forEach(e -> person.record(e, "org"));
        assertThat(person.profile().firstName()).isEqualTo("Anna");

        assertThat(person.release("r-2", 2)).as("not older than the moving event").isFalse();
        assertThat(person.release("r-2", 3)).isTrue();
        assertThat(person.release("r-2", 3)).as("released once").isFalse();

        assertThat(person.isEmpty()).isFalse();
        assertThat(person.participations()).extracting(Participation::registrationId).containsExactly("r-1");
        assertThat(person.profile().firstName()).as("the remaining registration's details").isEqualTo("Ana");
        assertThat(person.profile().joinExpertsNetwork()).isFalse();
        assertThat(person.attended()).extracting(Participation::conferenceId).containsExactly("conf-a");

        assertThat(person.release("r-1", 5)).isTrue();
        assertThat(person.isEmpty()).isTrue();
        assertThat(person.profile()).isNull();
        assertThat(person.search()).isNull();
    }

    private static RegistrationSubmitted submitted(String registrationId, String conferenceId, Instant at,
            Participant participant) {
        return new RegistrationSubmitted(UUID.randomUUID(), at, registrationId, 1, participant,
                conference(conferenceId), null);
    }

    private static RegistrationApproved approved(String registrationId, long sequence, RegistrationEvent before,
            RegistrationStatus status, Instant at) {
        return new RegistrationApproved(UUID.randomUUID(), at, registrationId, sequence, before.participant(),
                before.conference(), null, status, null);
    }

    private static RegistrationDetailsChanged detailsChanged(String registrationId, long sequence,
            ConferenceSnapshot conference, Participant participant, Instant at, String... changedFields) {
        return new RegistrationDetailsChanged(UUID.randomUUID(), at, registrationId, sequence, participant, conference,
                null, RegistrationStatus.CONFIRMED, List.of(changedFields));
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
