package org.eforum.registration.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import java.util.Optional;

import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;
import org.jspecify.annotations.Nullable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.eforum.platform.lease.Lease;
import org.eforum.platform.lease.Leases;
import org.eforum.platform.startup.RefusedSetting;
import org.eforum.platform.tracing.TraceParents;
import org.eforum.registration.RegistrationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes what the aggregates' outboxes hold, oldest first, one aggregate's events in their order, and only
 * then removes them. A crash between the send and the removal re-publishes the same events with the same ids,
 * which the consumers' de-duplication makes harmless. While Kafka is down nothing is removed, so nothing is lost.
 * Registration events and invitations go out sealed: their personal fields encrypted with the person's key
 * ({@link PersonKeys}).
 */
@Component
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    /** A batch's longest run: its new keys' acknowledgements, then its events', then the store's writes. */
    static final Duration BATCH_AT_MOST = SEND_TIMEOUT.multipliedBy(2).plusSeconds(5);
    static final String LEASE = "outbox-relay";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, EforumEvent> kafka;
    private final ObjectProvider<TraceParents> traceParents;
    private final PersonKeys personKeys;
    private final Lease lease;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, EforumEvent> kafka,
            ObjectProvider<TraceParents> traceParents, PersonKeys personKeys, Leases leases,
            RegistrationSettings settings, MeterRegistry meters) {
        if (settings.relayLeaseTtl().compareTo(BATCH_AT_MOST) <= 0) {
            throw new RefusedSetting("eforum.registration.relay-lease-ttl", "eforum.registration.relay-lease-ttl is "
                    + settings.relayLeaseTtl() + "; a relay batch may take up to " + BATCH_AT_MOST
                    + ", and must end before another instance could take the lease",
                    "Set it longer than " + BATCH_AT_MOST.toSeconds() + " s, or leave it unset (30 s).");
        }
        this.mongo = mongo;
        this.kafka = kafka;
        this.traceParents = traceParents;
        this.personKeys = personKeys;
        this.lease = leases.lease(LEASE, settings.relayLeaseTtl());
        Gauge.builder("eforum.outbox.relay.lease", lease, held -> held.isHeld() ? 1 : 0)
                .description("1 in the instance that relays the outboxes (holds the relay's lease), 0 in the others")
                .register(meters);
    }

    /**
     * One pass over every outbox, in the one instance that holds the relay's lease: two relays would race each
     * other and could reorder an aggregate's events. Each batch starts only with time enough left on the lease.
     */
    @Scheduled(fixedDelayString = "${eforum.registration.outbox-poll-interval:200ms}")
    public void relay() {
        for (Outbox.Source source : Outbox.SOURCES) {
            int published;
            do {
                if (!lease.holdFor(BATCH_AT_MOST)) {
                    return; // another instance relays; this one takes over if that one stops renewing
                }
                published = relay(source.collection(), source.topic());
                if (published < 0) {
                    return; // Kafka is unreachable; try again at the next tick, nothing unsent was removed
                }
            } while (published == BATCH); // a backlog drains at once, not one batch per tick
        }
    }

    /** A graceful stop hands the lease over at once instead of after its time. */
    @Override
    public void destroy() {
        lease.release();
    }

    /**
     * Publishes one batch: every event of up to {@link #BATCH} documents is handed to the producer at once (it
     * batches them and keeps each partition's order), then the relay waits for all acknowledgements and removes
     * the acknowledged events with one bulk write.
     *
     * @return the number of documents read, or -1 when publishing failed and the relay should wait for the next tick
     */
    int relay(String collection, String topic) {
        Query pending = Query.query(Criteria.where(Outbox.PENDING).is(true))
                .with(Sort.by(Outbox.PENDING_SINCE)).limit(BATCH);
        pending.fields().include(Outbox.ENTRIES);
        List<Document> documents = mongo.find(pending, Document.class, collection);
        Map<Object, List<Owed>> owed = new LinkedHashMap<>();
        for (Document document : documents) {
            owed.put(document.get("_id"), document.getList(Outbox.ENTRIES, Document.class, List.of()).stream()
                    .map(entry -> Owed.of(mongo.getConverter().read(OutboxEntry.class, entry))).toList());
        }
        Sealing sealing;
        try {
            sealing = sealing(owed);
        } catch (RuntimeException e) {
            log.warn("Outbox of {} not sealed yet ({}); will retry", collection, e.toString());
            return -1;
        }
        if (sealing == null) {
            return -1; // the keys the batch needs could not be published first
        }
        Map<Object, List<Sending>> sendings = new LinkedHashMap<>();
        owed.forEach((id, entries) -> sendings.put(id, entries.stream()
                .map(entry -> new Sending(entry.entry().eventId(), publish(topic, entry, sealing))).toList()));
        Map<Object, List<String>> sent = new LinkedHashMap<>();
        boolean failed = false;
        for (Map.Entry<Object, List<Sending>> document : sendings.entrySet()) {
            List<String> acknowledged = new ArrayList<>();
            for (Sending sending : document.getValue()) {
                try {
                    sending.result().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.add(sending.eventId());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed = true;
                    break;
                } catch (Exception e) {
                    if (!failed) {
                        log.warn("Outbox of {} {} not published yet ({}); will retry", collection, document.getKey(),
                                e.toString());
                    }
                    failed = true;
                    break; // only the events before the first failure count as sent, so order is kept
                }
            }
            if (!acknowledged.isEmpty()) {
                sent.put(document.getKey(), acknowledged);
            }
        }
        markSent(collection, sent);
        return failed ? -1 : documents.size();
    }

    /** An outbox entry with its event read once (null for a tombstone). */
    private record Owed(OutboxEntry entry, @Nullable EforumEvent event) {

        static Owed of(OutboxEntry entry) {
            return new Owed(entry, entry.isTombstone() ? null : entry.event());
        }
    }

    /** An event handed to the producer, and its acknowledgement to come. */
    private record Sending(String eventId, CompletableFuture<?> result) {
    }

    /**
     * The key of each registration event's person, made where there is none yet; the keys just made are
     * published (and acknowledged) before this batch, so no consumer gets an event before the key it needs. An
     * event whose person was erased after it has no key: it is dropped. Null when the keys could not be published.
     */
    private @Nullable Sealing sealing(Map<Object, List<Owed>> owed) {
        Map<Owed, String> toSeal = new LinkedHashMap<>();
        for (List<Owed> entries : owed.values()) {
            for (Owed entry : entries) {
                if (entry.event() instanceof RegistrationEvent event && !event.participant().isSealed()) {
                    toSeal.put(entry, EmailHash.of(event.participant().email()));
                } else if (entry.event() instanceof OrganiserInvited invited && !invited.isSealed()) {
                    toSeal.put(entry, EmailHash.of(invited.email())); // the invitee's key, as a participant's
                }
            }
        }
        Map<String, PersonKeys.KeyToUse> live = toSeal.isEmpty() ? Map.of() : personKeys.liveKeysOf(toSeal.values());
        Map<String, Optional<PersonKey>> keys = new LinkedHashMap<>();
        boolean unpublished = false;
        for (Map.Entry<Owed, String> sealing : toSeal.entrySet()) {
            PersonKeys.KeyToUse known = live.get(sealing.getValue());
            Optional<PersonKeys.KeyToUse> key = known != null ? Optional.of(known)
                    : personKeys.forEventAt(sealing.getValue(), sealing.getKey().event().occurredAt());
            keys.put(sealing.getKey().entry().eventId(), key.map(PersonKeys.KeyToUse::key));
            unpublished |= key.map(PersonKeys.KeyToUse::unpublished).orElse(false);
        }
        if (unpublished) {
            int published;
            do {
                published = relay(PersonKeys.COLLECTION, Topics.PERSON_KEYS);
            } while (published == BATCH);
            if (published < 0) {
                return null;
            }
        }
        return new Sealing(keys);
    }

    /** The key to seal each registration event with, by event id; empty for an erased person's. */
    private record Sealing(Map<String, Optional<PersonKey>> keys) {

        /** The event as it goes on Kafka; null when it must not go at all. */
        @Nullable EforumEvent sealed(Owed entry) {
            EforumEvent event = entry.event();
            Optional<PersonKey> key = keys.get(entry.entry().eventId());
            if (key == null) {
                return event;
            }
            return key.<EforumEvent>map(k -> event instanceof OrganiserInvited invited ? PersonalData.seal(invited, k)
                    : PersonalData.seal((RegistrationEvent) event, k)).orElse(null);
        }
    }

    /** Sends one event (sealed) inside a span that continues the trace of the request that wrote it. */
    private CompletableFuture<?> publish(String topic, Owed owed, Sealing sealing) {
        if (owed.event() == null) {
            return send(topic, owed.entry().payload(), null, owed.entry());
        }
        EforumEvent event = sealing.sealed(owed);
        if (event == null) {
            // its person was erased since: nothing of them goes out, and the entry counts as done
            return CompletableFuture.completedFuture(null);
        }
        return send(topic, event.aggregateId(), event, owed.entry());
    }

    private CompletableFuture<?> send(String topic, String key, @Nullable EforumEvent event, OutboxEntry entry) {
        TraceParents traces = traceParents.getIfAvailable();
        try {
            if (traces == null) {
                return kafka.send(topic, key, event);
            }
            Span span = traces.continueTrace(entry.traceparent(), "outbox publish " + topic);
            try (Tracer.SpanInScope scope = traces.tracer().withSpan(span)) {
                return kafka.send(topic, key, event).whenComplete((result, error) -> span.end());
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // e.g. metadata not available while Kafka is away
        }
    }

    /** Removes the acknowledged events (one bulk write), then clears the flag of every outbox left empty. */
    private void markSent(String collection, Map<Object, List<String>> sent) {
        if (sent.isEmpty()) {
            return;
        }
        BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        sent.forEach((id, eventIds) -> pulls.updateOne(Query.query(Criteria.where("_id").is(id)),
                new Update().pull(Outbox.ENTRIES, new Document("eventId", new Document("$in", eventIds)))));
        pulls.execute();
        // Only an empty outbox clears the flag; an event appended meanwhile keeps it (each update is atomic).
        mongo.updateMulti(Query.query(Criteria.where("_id").in(sent.keySet()).and(Outbox.ENTRIES).size(0)),
                new Update().set(Outbox.PENDING, false).unset(Outbox.PENDING_SINCE), collection);
    }
}
