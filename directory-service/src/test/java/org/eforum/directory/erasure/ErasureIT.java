package org.eforum.directory.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.directory.Fixtures.addressConfirmed;
import static org.eforum.directory.Fixtures.cancelled;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

class ErasureIT extends AbstractDirectoryIT {

    @Autowired
    private MongoTemplate mongo;

    @Test
    void anErasedPersonIsGoneEverywhereAndAReplayOfTheirEventsDoesNotBringThemBack() {
        ConferenceSnapshot forum = conference(unique("erase-"), "Erase Forum");
        String marker = uniqueWord("erased");
        String email = unique("Erased.Person.") + "@Example.org";
        Instant registered = Instant.now().minusSeconds(120);
        Participant erased = person("Zara", marker).email(email).organisation("Shared " + marker)
                .expertsNetwork(true).build();
        Participant colleague = person("Kiril", marker).organisation("Shared " + marker).build();
        String registrationId = unique("reg-");
        organisedBy(forum, ORGANISER);
        RegistrationConfirmed first = confirmed(registrationId, 1, erased, forum, registered);
        RegistrationConfirmed other = confirmed(unique("reg-"), 1, person("Zara", marker).email(email.toLowerCase())
                .build(), conference(unique("erase-"), "Other"), registered.plusSeconds(5));
        RegistrationConfirmed colleagues = confirmed(unique("reg-"), 1, colleague, forum, registered);
        List<EforumEvent> events = List.of(first, addressConfirmed(first), other, addressConfirmed(other),
                cancelled(registrationId, 3, erased, forum, registered.plusSeconds(10)),
                colleagues, addressConfirmed(colleagues));
        events.forEach(this::publish);
        awaitAllConsumed();
        assertThat(stakeholders(marker)).contains("Zara");

        // the request carries the hash of the address as typed anywhere: trimmed and lower-cased
        publishAndAwait(new ErasureRequested(UUID.randomUUID(), Instant.now().minusSeconds(30),
                EmailHash.of("  " + email.toUpperCase() + " "), "operator"));

        assertGone(forum, marker, email);
        assertThat(stakeholders(marker)).contains("Kiril");
        Document erasure = mongo.findById(EmailHash.of(email), Document.class, "erasures");
        assertThat(erasure).isNotNull();
        assertThat(erasure.toJson()).doesNotContain("@", marker);

        events.forEach(this::publish);
        awaitAllConsumed();
        assertGone(forum, marker, email);

        // a registration after the erasure is a new, freshly consented one
        publishOptedInAndAwait(confirmed(unique("reg-"), 1, person("Zara", marker).email(email).build(),
                conference(unique("erase-"), "Afterwards"), Instant.now()));
        assertThat(stakeholders(marker)).contains("Zara");
    }

    @Test
    void anErasureArrivingBeforeTheEventsItCoversStillHidesThem() {
        String marker = uniqueWord("early");
        String email = unique("early.") + "@example.org";
        Instant erasedAt = Instant.now().minusSeconds(10);
        publishAndAwait(new ErasureRequested(UUID.randomUUID(), erasedAt, EmailHash.of(email), "organiser"));

        publishOptedInAndAwait(confirmed(unique("reg-"), 1, person("Early", marker).email(email).build(),
                conference(unique("early-"), "Early"), erasedAt.minusSeconds(60)));

        assertThat(stakeholders(marker)).doesNotContain("Early");
        assertThat(mongo.findById(email, Document.class, "people")).isNull();
    }

    private void assertGone(ConferenceSnapshot forum, String marker, String email) {
        assertThat(stakeholders(marker)).doesNotContain("Zara");
        assertThat(get("/api/directory/experts?q=" + marker).body()).doesNotContain("Zara");
        assertThat(get("/api/directory/organisations?q=" + marker).body()).doesNotContain("Zara");
        assertThat(get("/directory?lang=en&q=" + marker).body()).doesNotContain("Zara");
        assertThat(get("/api/directory/conferences/" + forum.id() + "/participants", ORGANISER, ORGANISER_PASSWORD)
                .body()).doesNotContain("Zara", email.toLowerCase());
        assertThat(mongo.findById(email.toLowerCase(), Document.class, "people")).isNull();
    }

    private String stakeholders(String marker) {
        Response response = get("/api/directory/stakeholders?size=100&q=" + marker);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
