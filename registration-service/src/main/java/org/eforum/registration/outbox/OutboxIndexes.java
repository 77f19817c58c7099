package org.eforum.registration.outbox;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The index the relay finds pending work by ({@code outboxPending} then {@code outboxPendingSince}), declared on
 * every collection of {@link Outbox#SOURCES} in one place, so that a new source cannot be polled by a collection
 * scan (the person keys once were: every relay pass read every key ever made).
 */
@Component
class OutboxIndexes implements InitializingBean {

    static final String NAME = Outbox.PENDING + "_1_" + Outbox.PENDING_SINCE + "_1";

    private final MongoTemplate mongo;

    OutboxIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        for (Outbox.Source source : Outbox.SOURCES) {
            mongo.indexOps(source.collection()).createIndex(new Index().on(Outbox.PENDING, Sort.Direction.ASC)
                    .on(Outbox.PENDING_SINCE, Sort.Direction.ASC).named(NAME));
        }
    }
}
