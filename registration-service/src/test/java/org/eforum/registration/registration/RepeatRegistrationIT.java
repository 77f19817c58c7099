package org.eforum.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * A repeat of a registered address answers 409 and shows nothing of the registration; what it does is ask for the
 * participant's own link to be mailed to that address again (an event for notification-service), at most once per
 * ten minutes.
 */
class RepeatRegistrationIT extends IntegrationSupport {

    @Autowired
    Registrations registrations;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aRepeatAsksOnceForTheLinkToBeMailedAgainAndASecondWithinTenMinutesAsksNothing() {
        String conference = createConference("repeat", 10);
        JsonNode first = json(register(conference, registrationJson("Ana", "Petrova", "Ana.Repeat@example.org")));
        String id = first.path("id").asString();

        assertThat(register(conference, registrationJson("Ana", "Petrova", "ana.repeat@example.org")).statusCode())
                .isEqualTo(409);
        assertThat(register(conference, registrationJson("Ana", "Petrova", "ANA.REPEAT@example.org")).statusCode())
                .isEqualTo(409);

        List<PublishedEvents.Published> events = publishedOnceTheOutboxIsEmpty(id);
        assertThat(PublishedEvents.kindsOf(events, id)).containsExactly("confirmed", "link-resent");
        JsonNode resent = events.get(1).data();
        assertThat(resent.path("selfServiceUrl").asString()).isEqualTo(first.path("selfServiceUrl").asString());
        assertThat(resent.path("participant").path("email").asString()).as("the address as first registered")
                .isEqualTo("Ana.Repeat@example.org");
        assertThat(resent.path("participant").path("language").asString()).isEqualTo("en");
        assertThat(resent.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(resent.path("sequence").asLong()).as("nothing changed").isEqualTo(1);
        assertThat(events.get(1).ceId()).isNotEqualTo(events.get(0).ceId());
    }

    @Test
    void aRepeatTenMinutesAfterTheLastMailOfTheLinkAsksForItAgain() {
        String conference = createConference("repeat-later", 10);
        String id = json(register(conference, registrationJson("Boris", "Ivanov", "boris.repeat@example.org")))
                .path("id").asString();
        register(conference, registrationJson("Boris", "Ivanov", "boris.repeat@example.org"));
        publishedOnceTheOutboxIsEmpty(id);

        // As if the link had been mailed again eleven minutes ago.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("linkResentAt", Instant.now().minus(Duration.ofMinutes(11))), Registration.class);
        register(conference, registrationJson("Boris", "Ivanov", "boris.repeat@example.org"));

        assertThat(PublishedEvents.kindsOf(publishedOnceTheOutboxIsEmpty(id), id))
                .containsExactly("confirmed", "link-resent", "link-resent");
    }

    @Test
    void aRepeatOfACancelledRegistrationAlsoAnswersTheSameAndMailsItsLink() {
        String conference = createConference("repeat-cancelled", 10);
        JsonNode first = json(register(conference, registrationJson("Vera", "Koleva", "vera.repeat@example.org")));
        String id = first.path("id").asString();
        postJson("/api/registrations/" + id + "/cancel?token=" + tokenOf(first.path("selfServiceUrl").asString()), "",
                null);

        JsonNode problem = json(register(conference, registrationJson("Vera", "Koleva", "vera.repeat@example.org")));

        assertThat(problem.path("title").asString()).isEqualTo("Already registered");
        assertThat(problem.toString()).doesNotContain(id, "CANCELLED");
        assertThat(PublishedEvents.kindsOf(publishedOnceTheOutboxIsEmpty(id), id))
                .containsExactly("confirmed", "cancelled", "link-resent");
    }

    /** Every event the registration owes is on Kafka once its outbox is empty (the relay removes only what was acknowledged). */
    private List<PublishedEvents.Published> publishedOnceTheOutboxIsEmpty(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !registrations.find(id).orElseThrow().outboxPending());
        return PublishedEvents.of(bootstrapServers, List.of(id));
    }
}
