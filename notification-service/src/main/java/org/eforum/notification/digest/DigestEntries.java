package org.eforum.notification.digest;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The digest entries collection; every write a single-document or idempotent multi-document update. */
@Component
class DigestEntries implements InitializingBean {

    private final MongoTemplate mongo;

    DigestEntries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(DigestEntry.class).createIndex(new Index().on("digested", Sort.Direction.ASC)
                .on("conferenceId", Sort.Direction.ASC).named("pending"));
        mongo.indexOps(DigestEntry.class).createIndex(new Index().on("digestId", Sort.Direction.ASC).named("digest"));
        mongo.indexOps(DigestEntry.class).createIndex(new Index().on("emailHash", Sort.Direction.ASC).named("person"));
    }

    /** @return false when the event was recorded before (a redelivery) */
    boolean record(DigestEntry entry) {
        try {
            mongo.insert(entry);
            return true;
        } catch (DuplicateKeyException redelivered) {
            return false;
        }
    }

    /** Digests (id to conference id) that were given their entries but not delivered yet (a failed send, or a crash). */
    Map<String, String> openDigests() {
        Map<String, String> conferenceByDigest = new LinkedHashMap<>();
        for (DigestEntry entry : mongo.find(query(where("digested").is(false).and("digestId").ne(null))
                .with(Sort.by("recordedAt")), DigestEntry.class)) {
            conferenceByDigest.putIfAbsent(entry.digestId(), entry.conferenceId());
        }
        return conferenceByDigest;
    }

    /** Conferences with changes recorded before {@code windowEnd} that no digest has taken yet. */
    Set<String> conferencesWithUnassigned(Instant windowEnd) {
        Set<String> ids = new LinkedHashSet<>();
        for (DigestEntry entry : mongo.find(query(where("digested").is(false).and("digestId").is(null)
                .and("recordedAt").lt(windowEnd)), DigestEntry.class)) {
            ids.add(entry.conferenceId());
        }
        return ids;
    }

    /**
     * Gives a closed window's unassigned entries to its digest. Idempotent and deterministic: everyone who runs
     * it for the same window uses the same id, and an entry is only ever given to one digest.
     */
    void assign(String conferenceId, Instant windowEnd, String digestId) {
        mongo.updateMulti(query(where("conferenceId").is(conferenceId).and("digestId").is(null)
                .and("recordedAt").lt(windowEnd)), new Update().set("digestId", digestId), DigestEntry.class);
    }

    /** The digests a registration's changes went into (assigned ones; the next window's is not known yet). */
    java.util.Set<String> digestsOf(String registrationId) {
        java.util.Set<String> digests = new java.util.TreeSet<>();
        for (DigestEntry entry : mongo.find(query(where("registrationId").is(registrationId).and("digestId").ne(null)),
                DigestEntry.class)) {
            digests.add(entry.digestId());
        }
        return digests;
    }

    List<DigestEntry> ofDigest(String digestId) {
        return mongo.find(query(where("digestId").is(digestId)).with(Sort.by("occurredAt", "recordedAt", "_id")),
                DigestEntry.class);
    }

    void markDigested(String digestId) {
        mongo.updateMulti(query(where("digestId").is(digestId)), new Update().set("digested", true),
                DigestEntry.class);
    }

    /** Redacts an erased participant's entries; they are left out of every digest from now on. */
    int redact(String emailHash, String erased) {
        return (int) mongo.updateMulti(query(where("emailHash").is(emailHash)), new Update().set("erased", true)
                .set("name", erased).set("email", erased).set("organisation", null), DigestEntry.class)
                .getModifiedCount();
    }
}
