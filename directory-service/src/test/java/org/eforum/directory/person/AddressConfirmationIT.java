package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.directory.Fixtures.addressConfirmed;
import static org.eforum.directory.Fixtures.cancelled;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.time.Instant;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Double opt-in: nobody is public before they confirmed, from their own page, that the address is theirs; and a
 * registration nobody confirmed (anyone may type someone else's address) changes nothing public about a person.
 */
class AddressConfirmationIT extends AbstractDirectoryIT {

    @Test
    void anUnconfirmedRegistrationIsInNoPublicViewUntilItsAddressIsConfirmed() {
        ConferenceSnapshot forum = conference(unique("optin-"), "Opt-in Forum");
        organisedBy(forum, ORGANISER);
        String surname = uniqueWord("optin");
        Participant ana = person("Ana", surname).organisation("Optin Institute " + surname).expertsNetwork(true).build();
        RegistrationConfirmed registered = confirmed(unique("reg-"), ana, forum);

        publishAndAwait(registered);

        assertNowhereInPublic(surname, "Ana");
        JsonNode organisersView = participant(forum.id(), ana);
        assertThat(organisersView.get("firstName").asString()).as("organisers see everyone registered").isEqualTo("Ana");
        assertThat(organisersView.get("listInDirectory").asBoolean()).isFalse();
        assertThat(organisersView.get("registrations").get(0).get("addressConfirmed").asBoolean()).isFalse();

        publishAndAwait(addressConfirmed(registered));

        assertThat(get("/api/directory/stakeholders?q=" + surname).json().get("total").asInt()).isEqualTo(1);
        assertThat(get("/api/directory/stakeholders?q=" + surname).json().get("items").get(0).get("conferences")
                .get(0).get("id").asString()).isEqualTo(forum.id());
        assertThat(get("/api/directory/experts?q=" + surname).body()).contains("Ana");
        assertThat(get("/api/directory/organisations?q=" + surname).body()).contains("Ana");
        assertThat(get("/directory?lang=en&q=" + surname).body()).contains(surname);
        assertThat(participant(forum.id(), ana).get("registrations").get(0).get("addressConfirmed").asBoolean()).isTrue();
    }

    @Test
    void anUnconfirmedRegistrationWithTheAddressOfAListedPersonChangesNothingOfTheirListing() {
        ConferenceSnapshot forum = conference(unique("optin-"), "Own Forum");
        ConferenceSnapshot other = conference(unique("optin-"), "Someone Else's Forum");
        organisedBy(forum, ORGANISER);
        organisedBy(other, ORGANISER);
        String surname = uniqueWord("owner");
        String strangersWord = uniqueWord("stranger");
        String email = unique("vera.") + "@example.org";
        Instant now = Instant.now();
        publishOptedInAndAwait(confirmed(unique("reg-"), 1, person("Vera", surname).email(email)
                .organisation("Real Office " + surname).build(), forum, now.minusSeconds(120)));
        JsonNode listedBefore = get("/api/directory/stakeholders?q=" + surname).json().get("items");

        // The same address, typed by someone else in another case, later: another name, no listing, experts yes.
        RegistrationConfirmed unlisting = confirmed(unique("reg-"), 1, person("Mallory", strangersWord)
                .email(email.toUpperCase()).organisation("Fake Office " + strangersWord).listed(false)
                .expertsNetwork(true).build(), other, now.minusSeconds(60));
        publishAndAwait(unlisting);
        // And a cancellation of it: a later event of an unconfirmed registration.
        publishAndAwait(cancelled(unlisting.registrationId(), 2, unlisting.participant(), other, now.minusSeconds(30)));

        assertThat(get("/api/directory/stakeholders?q=" + surname).json().get("items")).isEqualTo(listedBefore);
        assertThat(listedBefore.get(0).get("firstName").asString()).isEqualTo("Vera");
        assertThat(listedBefore.get(0).get("conferences")).hasSize(1);
        assertNowhereInPublic(strangersWord, "Mallory");
        assertThat(get("/api/directory/experts?q=" + surname).json().get("total").asInt()).isZero();
        assertThat(get("/api/directory/organisations?q=" + surname).body()).contains("Vera");
        JsonNode organisersOfTheOther = participants(other.id());
        assertThat(organisersOfTheOther).as("the organisers of the other conference see its registration").hasSize(1);
        assertThat(organisersOfTheOther.get(0).get("registrations").get(0).get("addressConfirmed").asBoolean()).isFalse();
    }

    @Test
    void whoConfirmsALaterRegistrationWithoutConsentIsUnlisted() {
        ConferenceSnapshot forum = conference(unique("optin-"), "First");
        ConferenceSnapshot later = conference(unique("optin-"), "Later");
        organisedBy(forum, ORGANISER);
        organisedBy(later, ORGANISER);
        String surname = uniqueWord("withdraws");
        String email = unique("boris.") + "@example.org";
        Instant now = Instant.now();
        publishOptedInAndAwait(confirmed(unique("reg-"), 1, person("Boris", surname).email(email).build(), forum,
                now.minusSeconds(120)));
        RegistrationConfirmed withdrawing = confirmed(unique("reg-"), 1, person("Boris", surname).email(email)
                .listed(false).build(), later, now.minusSeconds(60));
        publishAndAwait(withdrawing);
        assertThat(get("/api/directory/stakeholders?q=" + surname).json().get("total").asInt()).isEqualTo(1);

        publishAndAwait(addressConfirmed(withdrawing));

        assertNowhereInPublic(surname, "Boris");
    }

    /** Nothing public finds the word; the page shows no one named {@code firstName} (it echoes the query itself). */
    private void assertNowhereInPublic(String word, String firstName) {
        assertThat(get("/api/directory/stakeholders?q=" + word).json().get("total").asInt()).isZero();
        assertThat(get("/api/directory/experts?q=" + word).json().get("total").asInt()).isZero();
        assertThat(get("/api/directory/organisations?q=" + word).json().get("total").asInt()).isZero();
        assertThat(get("/api/directory/organisations?q=" + word).body()).doesNotContain(word);
        assertThat(get("/directory?lang=en&q=" + word).body()).doesNotContain(firstName);
    }

    private JsonNode participant(String conferenceId, Participant participant) {
        for (JsonNode item : participants(conferenceId)) {
            if (item.get("email").asString().equals(participant.email())) {
                return item;
            }
        }
        throw new AssertionError(participant.email() + " is not a participant of " + conferenceId);
    }

    private JsonNode participants(String conferenceId) {
        Response response = get("/api/directory/conferences/" + conferenceId + "/participants", ORGANISER,
                ORGANISER_PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("items");
    }
}
