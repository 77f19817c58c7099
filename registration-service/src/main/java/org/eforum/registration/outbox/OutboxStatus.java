package org.eforum.registration.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the outboxes owe Kafka, for operators: per collection the documents with unpublished events and since when
 * the oldest of them waits. A growing age means the relay cannot publish (Kafka down or refusing).
 */
@Component
public class OutboxStatus {

    /** The collections whose documents carry an outbox, in the order the relay publishes them. */
    public static List<String> collections() {
        return Outbox.SOURCES.stream().map(Outbox.Source::collection).toList();
    }

    /**
     * @param pending            documents with {@code outboxPending=true}
     * @param oldestPendingSince the oldest {@code outboxPendingSince} among them (null when none)
     * @param oldestAgeSeconds   how long that one has waited, in whole seconds (null when none)
     */
    public record CollectionStatus(String collection, long pending, Instant oldestPendingSince, Long oldestAgeSeconds) {
    }

    public record Report(Instant checkedAt, List<CollectionStatus> collections) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public OutboxStatus(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Report report() {
        Instant now = clock.instant();
        return new Report(now, collections().stream().map(collection -> status(collection, now)).toList());
    }

    /** One collection's backlog now. */
    public CollectionStatus of(String collection) {
        return status(collection, clock.instant());
    }

    private CollectionStatus status(String collection, Instant now) {
        long pending = mongo.count(Query.query(Criteria.where(Outbox.PENDING).is(true)), collection);
        if (pending == 0) {
            return new CollectionStatus(collection, 0, null, null);
        }
        Query oldest = Query.query(Criteria.where(Outbox.PENDING).is(true).and(Outbox.PENDING_SINCE).ne(null))
                .with(Sort.by(Outbox.PENDING_SINCE)).limit(1);
        oldest.fields().include(Outbox.PENDING_SINCE);
        Document document = mongo.findOne(oldest, Document.class, collection);
        Date since = document == null ? null : document.getDate(Outbox.PENDING_SINCE);
        if (since == null) {
            return new CollectionStatus(collection, pending, null, null);
        }
        Instant oldestSince = since.toInstant();
        return new CollectionStatus(collection, pending, oldestSince,
                Math.max(0, Duration.between(oldestSince, now).toSeconds()));
    }
}
