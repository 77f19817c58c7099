package org.eforum.registration.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.eforum.platform.tracing.TraceParents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
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
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);

    /** Collection → topic. */
    private static final Map<String, String> SOURCES = Map.of(
            "conferences", Topics.CONFERENCES,
            "registrations", Topics.REGISTRATIONS,
            "erasures", Topics.ERASURES);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, EforumEvent> kafka;
    private final ObjectProvider<TraceParents> traceParents;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, EforumEvent> kafka,
            ObjectProvider<TraceParents> traceParents) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.traceParents = traceParents;
    }

    @Scheduled(fixedDelayString = "${eforum.registration.outbox-poll-interval:200ms}")
    public void relay() {
        // Conferences first: a registration's consumers like to know its conference already.
        for (String collection : List.of("conferences", "registrations", "erasures")) {
            if (!relay(collection, SOURCES.get(collection))) {
                return; // Kafka is unreachable; try again at the next tick, nothing was removed
            }
        }
    }

    /** @return false when publishing failed and the relay should wait for the next tick */
    boolean relay(String collection, String topic) {
        Query pending = Query.query(Criteria.where(Outbox.PENDING).is(true))
                .with(Sort.by(Outbox.PENDING_SINCE)).limit(BATCH);
        pending.fields().include(Outbox.ENTRIES);
        for (Document document : mongo.find(pending, Document.class, collection)) {
            Object id = document.get("_id");
            List<Document> entries = document.getList(Outbox.ENTRIES, Document.class, List.of());
            List<String> sent = new ArrayList<>();
            try {
                for (Document entry : entries) {
                    OutboxEntry outboxEntry = mongo.getConverter().read(OutboxEntry.class, entry);
                    publish(topic, outboxEntry);
                    sent.add(outboxEntry.eventId());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                log.warn("Outbox of {} {} not published yet ({}); will retry", collection, id, e.toString());
                markSent(collection, id, sent);
                return false;
            }
            markSent(collection, id, sent);
        }
        return true;
    }

    /** Publishes one event inside a span that continues the trace of the request that wrote it. */
    private void publish(String topic, OutboxEntry entry) throws Exception {
        EforumEvent event = entry.event();
        TraceParents traces = traceParents.getIfAvailable();
        if (traces == null) {
            kafka.send(topic, event.aggregateId(), event).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        Span span = traces.continueTrace(entry.traceparent(), "outbox publish " + topic);
        try (Tracer.SpanInScope scope = traces.tracer().withSpan(span)) {
            kafka.send(topic, event.aggregateId(), event).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            span.end();
        }
    }

    private void markSent(String collection, Object id, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().pull(Outbox.ENTRIES, new Document("eventId", new Document("$in", eventIds))), collection);
        // Only an empty outbox clears the flag; an event appended meanwhile keeps it (each update is atomic).
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(Outbox.ENTRIES).size(0)),
                new Update().set(Outbox.PENDING, false).unset(Outbox.PENDING_SINCE), collection);
    }
}
