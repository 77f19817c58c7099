package org.eforum.registration.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.eforum.platform.lease.Leases;
import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * With N instances, only the one holding the relay's lease publishes (two relays could reorder a registration's
 * events); when it stops renewing, another takes over and nothing waiting is lost.
 */
class RelayLeaseIT extends IntegrationSupport {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Leases leases;

    @Autowired
    MeterRegistry meters;

    @Test
    void whileAnotherInstanceHoldsTheLeaseThisOneWaitsThenTakesOverWhenItExpires() {
        String conference = createConference("relay-lease", 5);
        Query relayLease = Query.query(Criteria.where("_id").is(OutboxRelay.LEASE));
        await().atMost(Duration.ofSeconds(30)).until(() -> leases.owner().equals(ownerOf(relayLease)));

        // Another instance takes the lease (as if this one had stopped renewing it and it had expired).
        mongo.getCollection(Leases.COLLECTION).replaceOne(new Document("_id", OutboxRelay.LEASE),
                new Document("_id", OutboxRelay.LEASE).append("owner", "instance-2")
                        .append("until", Date.from(Instant.now().plusSeconds(3600))));
        try {
            // This instance notices at its next renewal (within 5 s) and stops relaying.
            await().atMost(Duration.ofSeconds(15)).until(() -> relaying() == 0);
            HttpResponse<String> registered = register(conference,
                    registrationJson("Lea", "Sedova", "lea.lease@example.org"));
            assertThat(registered.statusCode()).isEqualTo(201);
            String id = json(registered).path("id").asString();

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(PublishedEvents.of(bootstrapServers, List.of(id))).as("published by a relay without "
                            + "the lease").isEmpty());
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(id).and(Outbox.PENDING).is(true)),
                    "registrations")).as("still owed").isTrue();

            // instance-2 dies: its lease runs out, and this instance relays what waited, once and in order.
            mongo.getCollection(Leases.COLLECTION).updateOne(new Document("_id", OutboxRelay.LEASE),
                    new Document("$set", new Document("until", Date.from(Instant.now().minusSeconds(1)))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(PublishedEvents.kindsOf(PublishedEvents.of(bootstrapServers, List.of(id)), id))
                            .containsExactly("confirmed"));
            assertThat(ownerOf(relayLease)).isEqualTo(leases.owner());
            assertThat(relaying()).isEqualTo(1);
        } finally {
            mongo.getCollection(Leases.COLLECTION).deleteOne(new Document("_id", OutboxRelay.LEASE)
                    .append("owner", "instance-2"));
        }
    }

    private double relaying() {
        return meters.get("eforum.outbox.relay.lease").gauge().value();
    }

    private String ownerOf(Query lease) {
        Document document = mongo.findOne(lease, Document.class, Leases.COLLECTION);
        return document == null ? null : document.getString("owner");
    }
}
