package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.cancelled;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.conferenceChanged;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;
import static org.eforum.directory.Fixtures.waitlisted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.ParticipantMessaged;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationLinkResent;
import org.eforum.contracts.event.RegistrationMailResent;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** How registration and conference events become the directory, whatever the delivery does to them. */
class ProjectionIT extends AbstractDirectoryIT {

    @Autowired
    private MongoTemplate mongo;

    @Test
    void thePersonRegisteringForTwoConferencesIsOnePersonWithTwoParticipations() {
        ConferenceSnapshot spring = conference(unique("spring-"), "Spring Forum");
        ConferenceSnapshot autumn = conference(unique("autumn-"), "Autumn Forum");
        organisedBy(spring, ORGANISER);
        organisedBy(autumn, ORGANISER);
        String surname = uniqueWord("twice");
        String email = unique("maria.k.") + "@Example.org";
        publishOptedIn(confirmed(unique("reg-"), person("Maria", surname).email(email).build(), spring));
        publishOptedIn(confirmed(unique("reg-"), person("Maria", surname).email("  " + email.toLowerCase() + " ").build(),
                autumn));

        await().atMost(PROJECTED_WITHIN).until(() -> {
            JsonNode found = search(surname);
            return found.get("total").asInt() == 1 && found.get("items").get(0).get("conferences").size() == 2;
        });
        String id = search(surname).get("items").get(0).get("id").asString();
        assertThat(participantIds(spring.id())).contains(id);
        assertThat(participantIds(autumn.id())).contains(id);
    }

    @Test
    void registrationsOfOnePersonProjectedConcurrentlyAreAllKept() {
        String surname = uniqueWord("busy");
        Participant busy = person("Kalina", surname).build();
        List<String> registrationIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            registrationIds.add(unique("reg-"));
            // different keys spread over the partitions, so several consumers write this person at once
            publishOptedIn(confirmed(registrationIds.get(i), busy, conference(unique("busy-"), "Busy " + i)));
        }

        await().atMost(PROJECTED_WITHIN).until(() -> search(surname).get("total").asInt() == 1
                && search(surname).get("items").get(0).get("conferences").size() == 12);
        assertThat(storedPerson(busy).getList("participations", Document.class))
                .extracting(p -> p.getString("registrationId")).containsExactlyInAnyOrderElementsOf(registrationIds);
    }

    @Test
    void aLinkResentChangesNothingInTheDirectory() {
        ConferenceSnapshot forum = conference(unique("forum-"), "Forum");
        String surname = uniqueWord("resent");
        Participant participant = person("Lina", surname).organisation("Resent " + surname).build();

        publishAndAwait(new RegistrationLinkResent(UUID.randomUUID(), Instant.now(), unique("reg-"), 1, participant,
                forum, "https://register.eforum.example/registrations/x?token=secret", RegistrationStatus.CONFIRMED));

        assertThat(search(surname).get("total").asInt()).isZero();
        assertThat(storedPerson(participant)).as("no person").isNull();
        assertThat(mongo.getCollection("organisations").find().map(Document::toJson).into(new ArrayList<>()))
                .as("no organisation").noneMatch(organisation -> organisation.contains(surname));
    }

    @Test
    void aMailResentByAnOrganiserChangesNothingInTheDirectory() {
        ConferenceSnapshot forum = conference(unique("forum-"), "Forum");
        String surname = uniqueWord("mailed");
        Participant participant = person("Mila", surname).organisation("Mailed " + surname).build();

        publishAndAwait(new RegistrationMailResent(UUID.randomUUID(), Instant.now(), unique("reg-"), 1, participant,
                forum, "https://register.eforum.example/registrations/x?token=secret", RegistrationStatus.CONFIRMED,
                false));

        assertThat(search(surname).get("total").asInt()).isZero();
        assertThat(storedPerson(participant)).as("no person").isNull();
        assertThat(mongo.getCollection("organisations").find().map(Document::toJson).into(new ArrayList<>()))
                .as("no organisation").noneMatch(organisation -> organisation.contains(surname));
    }

    @Test
    void aMessageToTheParticipantsChangesNothingInTheDirectoryAndIsNoDeadLetter() {
        ConferenceSnapshot forum = conference(unique("forum-"), "Forum");
        organisedBy(forum, ORGANISER);
        String surname = uniqueWord("messaged");
        Participant participant = person("Vera", surname).organisation("Messaged " + surname).build();
        String registrationId = unique("reg-");
        publishOptedIn(confirmed(registrationId, participant, forum));
        await().atMost(PROJECTED_WITHIN).until(() -> search(surname).get("total").asInt() == 1);
        Document before = storedPerson(participant);

        // Same sequence as the registration's last change (1 confirmed + 1 address confirmed): nothing changes.
        publishAndAwait(new ParticipantMessaged(UUID.randomUUID(), Instant.now(), registrationId, 2, participant,
                forum, "https://register.eforum.example/registrations/x?token=secret", RegistrationStatus.CONFIRMED,
                "m-1", "en", "The programme", "Dear participants,\nthe programme is ready."));

        assertThat(storedPerson(participant)).isEqualTo(before);
        assertThat(search(surname).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aMessageToAParticipantTheDirectoryNeverSawCreatesNobody() {
        ConferenceSnapshot forum = conference(unique("forum-"), "Forum");
        String surname = uniqueWord("msgonly");
        Participant participant = person("Lina", surname).organisation("Message " + surname).build();

        publishAndAwait(new ParticipantMessaged(UUID.randomUUID(), Instant.now(), unique("reg-"), 1, participant,
                forum, "https://register.eforum.example/registrations/x?token=secret", RegistrationStatus.CONFIRMED,
                "m-1", "en", "The programme", "Dear participants."));

        assertThat(storedPerson(participant)).as("no person").isNull();
        assertThat(mongo.getCollection("organisations").find().map(Document::toJson).into(new ArrayList<>()))
                .as("no organisation").noneMatch(organisation -> organisation.contains(surname));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ConferenceSnapshot forum = conference(unique("forum-"), "Forum");
        Participant participant = person("Petar", uniqueWord("again")).build();
        RegistrationConfirmed confirmed = confirmed(unique("reg-"), participant, forum);
        publishAndAwait(confirmed);
        Document before = storedPerson(participant);

        publishAndAwait(confirmed);

        assertThat(storedPerson(participant)).isEqualTo(before);
        assertThat(before.getList("participations", Document.class)).hasSize(1);
    }

    @Test
    void anEventOvertakenByALaterOneOfTheSameRegistrationIsIgnored() {
        ConferenceSnapshot forum = conference(unique("forum-"), "Forum");
        String registrationId = unique("reg-");
        organisedBy(forum, ORGANISER);
        Participant participant = person("Elena", uniqueWord("stale")).build();
        Instant registeredAt = Instant.now().minusSeconds(60);
        publishAndAwait(cancelled(registrationId, 2, participant, forum, registeredAt.plusSeconds(30)));

        publishAndAwait(confirmed(registrationId, 1, participant, forum, registeredAt));

        JsonNode registrations = participant(forum.id(), participant).get("registrations");
        assertThat(registrations).hasSize(1);
        assertThat(registrations.get(0).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(search(participant.lastName()).get("total").asInt()).as("never confirmed: not listed").isZero();
    }

    @Test
    void theNewestEventDecidesTheConsentWhateverArrivesLast() {
        ConferenceSnapshot first = conference(unique("first-"), "First");
        ConferenceSnapshot second = conference(unique("second-"), "Second");
        organisedBy(first, ORGANISER);
        String email = unique("georgi.") + "@example.org";
        String surname = uniqueWord("consent");
        Instant now = Instant.now();
        Participant consenting = person("Georgi", surname).email(email).listed(true).build();
        Participant withdrawing = person("Georgi", surname).email(email).listed(false).build();

        publishOptedInAndAwait(confirmed(unique("reg-"), 1, withdrawing, second, now.minusSeconds(10)));
        publishOptedInAndAwait(confirmed(unique("reg-"), 1, consenting, first, now.minusSeconds(20)));

        assertThat(search(surname).get("total").asInt()).isZero();
        assertThat(participant(first.id(), consenting).get("listInDirectory").asBoolean()).isFalse();

        publishOptedInAndAwait(waitlisted(unique("reg-"), consenting, conference(unique("third-"), "Third")));
        assertThat(search(surname).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void participationsShowTheNewestKnownConferenceTitle() {
        ConferenceSnapshot original = conference(unique("renamed-"), "Title in the registration");
        publishAndAwait(conferenceChanged(conference(original.id(), "Current title"), 2));
        publishAndAwait(conferenceChanged(conference(original.id(), "Outdated title"), 1));
        String surname = uniqueWord("titled");
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Nina", surname).build(), original));

        JsonNode conference = search(surname).get("items").get(0).get("conferences").get(0);
        assertThat(conference.get("title").get("en").asString()).isEqualTo("Current title");
        JsonNode participants = get("/api/directory/conferences/" + original.id() + "/participants", ORGANISER,
                ORGANISER_PASSWORD).json();
        assertThat(participants.get("conference").get("title").get("en").asString()).isEqualTo("Current title");
    }

    private Document storedPerson(Participant participant) {
        return mongo.findById(participant.email().toLowerCase(), Document.class, "people");
    }

    private JsonNode search(String query) {
        Response response = get("/api/directory/stakeholders?q=" + encode(query));
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private JsonNode participant(String conferenceId, Participant participant) {
        for (JsonNode item : participants(conferenceId)) {
            if (item.get("email").asString().equals(participant.email())) {
                return item;
            }
        }
        throw new AssertionError(participant.email() + " is not a participant of " + conferenceId);
    }

    private List<String> participantIds(String conferenceId) {
        List<String> ids = new ArrayList<>();
        participants(conferenceId).forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    private JsonNode participants(String conferenceId) {
        Response response = get("/api/directory/conferences/" + conferenceId + "/participants", ORGANISER,
                ORGANISER_PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("items");
    }
}
