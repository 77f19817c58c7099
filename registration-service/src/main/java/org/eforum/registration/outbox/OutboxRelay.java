package org.eforum.registration.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.eforum.contracts.event.EforumEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.eforum.platform.tracing.TraceParents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);

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
        for (Outbox.Source source : Outbox.SOURCES) {
            int published;
            do {
                published = relay(source.collection(), source.topic());
                if (published < 0) {
                    return; // Kafka is unreachable; try again at the next tick, nothing unsent was removed
                }
            } while (published == BATCH); // a backlog drains at once, not one batch per tick
        }
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
        Map<Object, List<Sending>> sendings = new LinkedHashMap<>();
        for (Document document : documents) {
            List<Sending> events = new ArrayList<>();
            for (Document entry : document.getList(Outbox.ENTRIES, Document.class, List.of())) {
                OutboxEntry outboxEntry = mongo.getConverter().read(OutboxEntry.class, entry);
                events.add(new Sending(outboxEntry.eventId(), publish(topic, outboxEntry)));
            }
            sendings.put(document.get("_id"), events);
        }
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

    /** An event handed to the producer, and its acknowledgement to come. */
    private record Sending(String eventId, CompletableFuture<?> result) {
    }

    /** Sends one event inside a span that continues the trace of the request that wrote it. */
    private CompletableFuture<?> publish(String topic, OutboxEntry entry) {
        EforumEvent event = entry.event();
        TraceParents traces = traceParents.getIfAvailable();
        try {
            if (traces == null) {
                return kafka.send(topic, event.aggregateId(), event);
            }
            Span span = traces.continueTrace(entry.traceparent(), "outbox publish " + topic);
            try (Tracer.SpanInScope scope = traces.tracer().withSpan(span)) {
                return kafka.send(topic, event.aggregateId(), event).whenComplete((result, error) -> span.end());
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
