package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.directory.Fixtures.addressConfirmed;
import static org.eforum.directory.Fixtures.approved;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.declined;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.submitted;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.util.ArrayList;
import java.util.UUID;

import org.bson.Document;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationApproved;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.RegistrationSubmitted;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A moderated conference: a submitted registration waits (PENDING) for the organisers, and until they approve it
 * nothing of it is public, even with its address confirmed; an approved one counts as a confirmed or waitlisted
 * one, a declined or withdrawn one never.
 */
class ModeratedRegistrationsIT extends AbstractDirectoryIT {

    @Autowired
    private MongoTemplate mongo;

    @Test
    void aPendingRegistrationIsInNoPublicViewUntilApprovedThenListedWithItsConference() {
        ConferenceSnapshot forum = conference(unique("moderated-"), "Moderated Forum");
        organisedBy(forum, ORGANISER);
        String surname = uniqueWord("pending");
        Participant ana = person("Ana", surname).organisation("Pending Institute " + surname).expertsNetwork(true)
                .build();
        RegistrationSubmitted submitted = submitted(unique("reg-"), ana, forum);
        RegistrationAddressConfirmed confirmedWhilePending = addressConfirmed(submitted);

        publishAndAwait(submitted);
        publishAndAwait(confirmedWhilePending);

        assertNowhereInPublic(surname, "Ana");
        assertThat(organisationNames()).as("not even the organisation's spelling").noneMatch(n -> n.contains(surname));
        JsonNode organisersView = participant(forum.id(), ana);
        assertThat(organisersView.get("firstName").asString()).as("organisers see who waits").isEqualTo("Ana");
        assertThat(organisersView.get("listInDirectory").asBoolean()).isFalse();
        assertThat(organisersView.get("registrations").get(0).get("status").asString()).isEqualTo("PENDING");

        publishAndAwait(approved(confirmedWhilePending, RegistrationStatus.CONFIRMED));

        JsonNode listed = get("/api/directory/stakeholders?q=" + surname).json();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("conferences").get(0).get("id").asString()).isEqualTo(forum.id());
        assertThat(get("/api/directory/experts?q=" + surname).body()).contains("Ana");
        assertThat(get("/api/directory/organisations?q=" + surname).body()).contains("Ana", "Pending Institute");
        assertThat(get("/directory?lang=en&q=" + surname).body()).contains(surname);
        assertThat(participant(forum.id(), ana).get("registrations").get(0).get("status").asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void anApprovalOntoTheWaitingListListsThePersonWithoutTheConference() {
        ConferenceSnapshot full = conference(unique("moderated-"), "Full Forum");
        String surname = uniqueWord("approvedwl");
        RegistrationSubmitted submitted = submitted(unique("reg-"), person("Boris", surname).build(), full);
        RegistrationAddressConfirmed confirmed = addressConfirmed(submitted);
        publish(submitted);
        publish(confirmed);

        publishAndAwait(approved(confirmed, RegistrationStatus.WAITLISTED));

        JsonNode listed = get("/api/directory/stakeholders?q=" + surname).json();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("conferences")).as("no seat yet").isEmpty();
    }

    @Test
    void aDeclinedOrWithdrawnPendingRegistrationIsNeverPublic() {
        ConferenceSnapshot forum = conference(unique("moderated-"), "Declining Forum");
        organisedBy(forum, ORGANISER);
        String surname = uniqueWord("declined");
        Participant vera = person("Vera", surname).organisation("Declined Office " + surname).expertsNetwork(true)
                .build();
        RegistrationSubmitted submitted = submitted(unique("reg-"), vera, forum);
        RegistrationAddressConfirmed confirmed = addressConfirmed(submitted);
        publish(submitted);
        publish(confirmed);
        publishAndAwait(declined(confirmed));
        String withdrawnSurname = uniqueWord("withdrawn");
        Participant goran = person("Goran", withdrawnSurname).expertsNetwork(true).build();
        RegistrationSubmitted goransSubmit = submitted(unique("reg-"), goran, forum);
        RegistrationAddressConfirmed goransConfirmation = addressConfirmed(goransSubmit);
        publish(goransSubmit);
        publish(goransConfirmation);
        publishAndAwait(new RegistrationCancelled(UUID.randomUUID(), goransConfirmation.occurredAt().plusMillis(1),
                goransSubmit.registrationId(), 3, goran, forum, null, RegistrationStatus.PENDING));

        assertNowhereInPublic(surname, "Vera");
        assertNowhereInPublic(withdrawnSurname, "Goran");
        assertThat(organisationNames()).noneMatch(n -> n.contains(surname));
        assertThat(participant(forum.id(), vera).get("registrations").get(0).get("status").asString())
                .isEqualTo("DECLINED");
        assertThat(participant(forum.id(), goran).get("registrations").get(0).get("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aRedeliveredApprovalChangesNothing() {
        ConferenceSnapshot forum = conference(unique("moderated-"), "Forum");
        String surname = uniqueWord("twiceapproved");
        Participant dana = person("Dana", surname).build();
        RegistrationSubmitted submitted = submitted(unique("reg-"), dana, forum);
        RegistrationAddressConfirmed confirmed = addressConfirmed(submitted);
        RegistrationApproved approval = approved(confirmed, RegistrationStatus.CONFIRMED);
        publish(submitted);
        publish(confirmed);
        publishAndAwait(approval);
        Document before = storedPerson(dana);

        publishAndAwait(approval);
        publishAndAwait(submitted);

        assertThat(storedPerson(dana)).isEqualTo(before);
        assertThat(get("/api/directory/stakeholders?q=" + surname).json().get("total").asInt()).isEqualTo(1);
    }

    /** Nothing public finds the word; the page shows no one named {@code firstName} (it echoes the query itself). */
    private void assertNowhereInPublic(String word, String firstName) {
        assertThat(get("/api/directory/stakeholders?q=" + word).json().get("total").asInt()).isZero();
        assertThat(get("/api/directory/experts?q=" + word).json().get("total").asInt()).isZero();
        assertThat(get("/api/directory/organisations?q=" + word).json().get("total").asInt()).isZero();
        assertThat(get("/directory?lang=en&q=" + word).body()).doesNotContain(firstName);
        assertThat(get("/directory/experts?lang=en&q=" + word).body()).doesNotContain(firstName);
    }

    private java.util.List<String> organisationNames() {
        return mongo.getCollection("organisations").find().map(Document::toJson).into(new ArrayList<>());
    }

    private Document storedPerson(Participant participant) {
        return mongo.findById(participant.email().toLowerCase(), Document.class, "people");
    }

    private JsonNode participant(String conferenceId, Participant participant) {
        Response response = get("/api/directory/conferences/" + conferenceId + "/participants", ORGANISER,
                ORGANISER_PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode item : response.json().get("items")) {
            if (item.get("email").asString().equals(participant.email())) {
                return item;
            }
        }
        throw new AssertionError(participant.email() + " is not a participant of " + conferenceId);
    }
}
