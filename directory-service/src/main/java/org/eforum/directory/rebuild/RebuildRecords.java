package org.eforum.directory.rebuild;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.eforum.directory.rebuild.RebuildRecord.Phase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Reads and moves the {@link RebuildRecord}; every move is conditional on the generation and phase it expects. */
@Component
class RebuildRecords {

    private final MongoTemplate mongo;

    RebuildRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<RebuildRecord> current() {
        return Optional.ofNullable(mongo.findById(RebuildRecord.ID, Document.class, RebuildRecord.COLLECTION))
                .map(RebuildRecords::read);
    }

    /**
     * Starts generation n + 1 in {@link Phase#STOPPING}, unless a rebuild is under way that is younger than
     * {@code staleBefore}: one conditional upsert, so of two instances asked at once only one starts it.
     */
    Optional<RebuildRecord> begin(Instant now, Instant staleBefore, String coordinator) {
        Query free = new Query(new Criteria().andOperator(Criteria.where("_id").is(RebuildRecord.ID),
                new Criteria().orOperator(Criteria.where("phase").nin(Phase.STOPPING.name(), Phase.EMPTYING.name()),
                        Criteria.where("requestedAt").lt(staleBefore))));
        Update update = new Update().inc("generation", 1).set("phase", Phase.STOPPING.name())
                .set("requestedAt", now).set("coordinator", coordinator).unset("startedAt").unset("target")
                .unset("reason");
        try {
            Document moved = mongo.findAndModify(free, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class, RebuildRecord.COLLECTION);
            return Optional.ofNullable(moved).map(RebuildRecords::read);
        } catch (DuplicateKeyException underWay) {
            return Optional.empty();
        }
    }

    /** Moves generation {@code generation} from {@code from} to {@code to}; false when it is no longer there. */
    boolean move(long generation, Phase from, Phase to, Update more) {
        Query expected = new Query(Criteria.where("_id").is(RebuildRecord.ID).and("generation").is(generation)
                .and("phase").is(from.name()));
        return mongo.updateFirst(expected, more.set("phase", to.name()), RebuildRecord.COLLECTION)
                .getModifiedCount() == 1;
    }

    private static RebuildRecord read(Document document) {
        Map<String, Long> target = new LinkedHashMap<>();
        Document stored = document.get("target", Document.class);
        if (stored != null) {
            // Mongo field names cannot hold dots, so the partitions are stored as "topic-partition" with ':' for '.'
            stored.forEach((key, value) -> target.put(key.replace(':', '.'), ((Number) value).longValue()));
        }
        return new RebuildRecord(((Number) document.get("generation")).longValue(),
                Phase.valueOf(document.getString("phase")), document.getDate("requestedAt").toInstant(),
                document.getString("coordinator"),
                document.getDate("startedAt") == null ? null : document.getDate("startedAt").toInstant(), target,
                document.getString("reason"));
    }

    static Document storedTarget(Map<String, Long> target) {
        Document stored = new Document();
        target.forEach((key, value) -> stored.append(key.replace('.', ':'), value));
        return stored;
    }
}
