package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.directory.Fixtures.addressConfirmed;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.detailsChanged;
import static org.eforum.directory.Fixtures.emailChangeRequested;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.submitted;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationSubmitted;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Participants correct their own details: the public views follow, and a new address (confirmed through the link
 * mailed to it) moves the registration to the person of that address.
 */
class DetailsChangedIT extends AbstractDirectoryIT {

    @Autowired
    private MongoTemplate mongo;

    @Test
    void aCorrectedOrganisationAndConsentReachThePublicSearchOnce() {
        ConferenceSnapshot forum = conference(unique("edit-"), "Edited Forum");
        String surname = uniqueWord("edited");
        String oldWord = uniqueWord("oldorg");
        String newWord = uniqueWord("neworg");
        String email = unique("mira.") + "@example.org";
        RegistrationConfirmed registered = confirmed(unique("reg-"), person("Mira", surname).email(email)
                .organisation("Office " + oldWord).build(), forum);
        RegistrationAddressConfirmed confirmed = addressConfirmed(registered);
        publish(registered);
        publishAndAwait(confirmed);
        assertThat(get("/api/directory/organisations?q=" + oldWord).json().get("total").asInt()).isEqualTo(1);
        assertThat(get("/api/directory/experts?q=" + surname).json().get("total").asInt()).isZero();

        Participant corrected = person("Mira", surname).email(email).organisation("Agency " + newWord)
                .type(StakeholderType.GOVERNMENT_INSTITUTION).country("MK").position("Director")
                .expertsNetwork(true).build();
        RegistrationDetailsChanged changed = detailsChanged(confirmed, corrected, "organisation", "stakeholderType",
                "country", "position", "consents");
        publishAndAwait(changed);

        JsonNode found = get("/api/directory/stakeholders?q=" + surname).json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        JsonNode mira = found.get("items").get(0);
        assertThat(mira.get("organisation").asString()).isEqualTo("Agency " + newWord);
        assertThat(mira.get("stakeholderType").asString()).isEqualTo("GOVERNMENT_INSTITUTION");
        assertThat(mira.get("country").asString()).isEqualTo("MK");
        assertThat(mira.get("conferences")).hasSize(1);
        assertThat(get("/api/directory/stakeholders?q=" + newWord).json().get("total").asInt()).isEqualTo(1);
        assertThat(get("/api/directory/stakeholders?q=" + oldWord).json().get("total").asInt()).isZero();
        assertThat(get("/api/directory/organisations?q=" + newWord).body()).contains("Agency " + newWord, "Mira");
        assertThat(get("/api/directory/organisations?q=" + oldWord).json().get("total").asInt()).isZero();
        assertThat(get("/api/directory/experts?q=" + surname).body()).as("the consent followed").contains("Mira");
        assertThat(get("/directory?lang=en&q=" + newWord).body()).contains(surname);

        Document after = storedPerson(email);
        publishAndAwait(changed);
        publishAndAwait(confirmed);
        assertThat(storedPerson(email)).as("a redelivery, or an older event, changes nothing").isEqualTo(after);
    }

    @Test
    void aNewAddressMovesTheRegistrationAndThePersonOfTheOldOneIsGone() {
        ConferenceSnapshot forum = conference(unique("move-"), "Moving Forum");
        organisedBy(forum, ORGANISER);
        String surname = uniqueWord("moved");
        String oldEmail = unique("old.") + "@example.org";
        String newEmail = unique("new.") + "@Example.org";
        RegistrationConfirmed registered = confirmed(unique("reg-"), person("Petar", surname).email(oldEmail)
                .organisation("Movers " + surname).build(), forum);
        RegistrationAddressConfirmed confirmed = addressConfirmed(registered);
        publish(registered);
        publishAndAwait(confirmed);
        String idBefore = get("/api/directory/stakeholders?q=" + surname).json().get("items").get(0).get("id")
                .asString();

        RegistrationDetailsChanged moved = detailsChanged(confirmed, person("Petar", surname).email(newEmail)
                .organisation("Movers " + surname).build(), "email");
        publishAndAwait(moved);

        assertThat(storedPerson(oldEmail)).as("their only registration moved: the old person is gone").isNull();
        Document movedTo = storedPerson(newEmail);
        assertThat(movedTo.getList("participations", Document.class)).singleElement()
                .satisfies(p -> assertThat(p.getBoolean("addressConfirmed")).as("the new address counts as confirmed")
                        .isTrue());
        JsonNode found = get("/api/directory/stakeholders?q=" + surname).json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("id").asString()).isNotEqualTo(idBefore);
        assertThat(found.get("items").get(0).get("conferences").get(0).get("id").asString()).isEqualTo(forum.id());
        assertThat(get("/api/directory/organisations?q=" + surname).json().get("items").get(0).get("people"))
                .hasSize(1);
        assertThat(participants(forum.id())).extracting(p -> p.get("email").asString()).containsExactly(newEmail);

        // Kafka redelivers from the last committed offset: the registration's earlier events, then the move again.
        publish(registered);
        publish(confirmed);
        publishAndAwait(moved);

        assertThat(storedPerson(oldEmail)).as("an earlier event does not bring the old person back").isNull();
        assertThat(storedPerson(newEmail)).isEqualTo(movedTo);
        assertThat(get("/api/directory/stakeholders?q=" + surname).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aNewAddressOfOneRegistrationLeavesTheOldPersonTheirOthers() {
        ConferenceSnapshot kept = conference(unique("kept-"), "Kept Forum");
        ConferenceSnapshot moving = conference(unique("moving-"), "Moving Forum");
        organisedBy(moving, ORGANISER);
        String surname = uniqueWord("split");
        String oldEmail = unique("shared.") + "@example.org";
        String newEmail = unique("own.") + "@example.org";
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Iva", surname).email(oldEmail).build(), kept));
        // A colleague registered with the shared address, and now gives their own.
        RegistrationConfirmed colleagues = confirmed(unique("reg-"), person("Iva", surname).email(oldEmail).build(),
                moving);
        RegistrationAddressConfirmed confirmed = addressConfirmed(colleagues);
        publish(colleagues);
        publishAndAwait(confirmed);

        publishAndAwait(detailsChanged(confirmed, person("Ivan", surname).email(newEmail).build(), "firstName",
                "email"));

        assertThat(storedPerson(oldEmail).getList("participations", Document.class))
                .extracting(p -> p.getString("conferenceId")).containsExactly(kept.id());
        JsonNode found = get("/api/directory/stakeholders?q=" + surname).json();
        assertThat(found.get("total").asInt()).isEqualTo(2);
        List<String> seen = new ArrayList<>();
        found.get("items").forEach(p -> seen.add(p.get("firstName").asString() + "@"
                + p.get("conferences").get(0).get("id").asString()));
        assertThat(seen).containsExactlyInAnyOrder("Iva@" + kept.id(), "Ivan@" + moving.id());
        assertThat(participants(moving.id())).extracting(p -> p.get("email").asString()).containsExactly(newEmail);
    }

    @Test
    void aSealedAddressChangeIsOpenedWithTheNewAddresssKeyAndMovesTheRegistration() {
        ConferenceSnapshot forum = conference(unique("sealed-move-"), "Sealed Forum");
        organisedBy(forum, ORGANISER);
        String surname = uniqueWord("sealedmove");
        Participant before = person("Rada", surname).email(unique("rada.old.") + "@example.org").build();
        Participant after = person("Rada", surname).email(unique("rada.new.") + "@example.org").build();
        PersonKey oldKey = PersonKey.generate(EmailHash.of(before.email()));
        PersonKey newKey = PersonKey.generate(EmailHash.of(after.email()));
        publish(oldKey.issued(Instant.now()));
        publish(newKey.issued(Instant.now()));
        RegistrationConfirmed registered = confirmed(unique("reg-"), before, forum);
        RegistrationAddressConfirmed confirmed = addressConfirmed(registered);
        publish(PersonalData.seal(registered, oldKey));
        publish(PersonalData.seal(confirmed, oldKey));
        // as registration-service publishes them: the request under the current address, the change under the new
        publish(PersonalData.seal(emailChangeRequested(confirmed, after.email()), oldKey));
        publishAndAwait(PersonalData.seal(detailsChanged(confirmed, after, "email"), newKey));

        assertThat(storedPerson(before.email())).isNull();
        assertThat(participants(forum.id())).extracting(p -> p.get("email").asString())
                .containsExactly(after.email());
        assertThat(get("/api/directory/stakeholders?q=" + surname).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aMoveToAnAddressWhosePersonWasErasedStillTakesTheRegistrationFromTheOldOne() {
        ConferenceSnapshot forum = conference(unique("erased-move-"), "Forum");
        organisedBy(forum, ORGANISER);
        String surname = uniqueWord("erasedmove");
        Participant before = person("Nadia", surname).email(unique("nadia.old.") + "@example.org").build();
        Participant after = person("Nadia", surname).email(unique("nadia.new.") + "@example.org").build();
        PersonKey oldKey = PersonKey.generate(EmailHash.of(before.email()));
        // The new address's key is gone (erased) when the log is read again, as in a rebuild after the erasure.
        PersonKey erasedKey = PersonKey.generate(EmailHash.of(after.email()));
        publish(oldKey.issued(Instant.now()));
        RegistrationConfirmed registered = confirmed(unique("reg-"), before, forum);
        RegistrationAddressConfirmed confirmed = addressConfirmed(registered);
        publish(PersonalData.seal(registered, oldKey));
        publishAndAwait(PersonalData.seal(confirmed, oldKey));
        assertThat(get("/api/directory/stakeholders?q=" + surname).json().get("total").asInt()).isEqualTo(1);

        publishAndAwait(PersonalData.seal(detailsChanged(confirmed, after, "email"), erasedKey));

        assertThat(storedPerson(before.email())).as("the registration was their only one").isNull();
        assertThat(storedPerson(after.email())).isNull();
        assertThat(get("/api/directory/stakeholders?q=" + surname).json().get("total").asInt()).isZero();
        assertThat(participants(forum.id())).isEmpty();
    }

    @Test
    void aRequestToChangeTheAddressChangesNothing() {
        ConferenceSnapshot forum = conference(unique("request-"), "Forum");
        String surname = uniqueWord("requests");
        String email = unique("lina.") + "@example.org";
        String newEmail = unique("lina.new.") + "@example.org";
        RegistrationConfirmed registered = confirmed(unique("reg-"), person("Lina", surname).email(email).build(),
                forum);
        RegistrationAddressConfirmed confirmed = addressConfirmed(registered);
        publish(registered);
        publishAndAwait(confirmed);
        Document before = storedPerson(email);

        publishAndAwait(emailChangeRequested(confirmed, newEmail));

        assertThat(storedPerson(email)).isEqualTo(before);
        assertThat(storedPerson(newEmail)).as("nobody at the address not yet confirmed").isNull();
    }

    @Test
    void aCorrectionOfAPendingRegistrationStaysUnpublic() {
        ConferenceSnapshot forum = conference(unique("pending-edit-"), "Forum");
        String surname = uniqueWord("pendingedit");
        String newEmail = unique("pending.new.") + "@example.org";
        RegistrationSubmitted submitted = submitted(unique("reg-"), person("Olga", surname).build(), forum);
        publish(submitted);

        publishAndAwait(detailsChanged(submitted, person("Olga", surname).email(newEmail).expertsNetwork(true)
                .build(), "email", "consents"));

        assertThat(storedPerson(submitted.participant().email())).isNull();
        assertThat(storedPerson(newEmail)).as("organisers still see the registration").isNotNull();
        assertThat(get("/api/directory/stakeholders?q=" + surname).json().get("total").asInt()).isZero();
        assertThat(get("/api/directory/experts?q=" + surname).json().get("total").asInt()).isZero();
    }

    private Document storedPerson(String email) {
        return mongo.findById(email.toLowerCase(), Document.class, "people");
    }

    private List<JsonNode> participants(String conferenceId) {
        Response response = get("/api/directory/conferences/" + conferenceId + "/participants", ORGANISER,
                ORGANISER_PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }
}
