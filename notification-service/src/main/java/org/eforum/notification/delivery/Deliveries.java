package org.eforum.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The deliveries collection. Every state change is one single-document atomic write (MongoDB without
 * transactions is enough): the claim is an insert on the deterministic {@code _id}, the take-over of an
 * unfinished claim a guarded {@code findAndModify}.
 */
@Component
public class Deliveries implements InitializingBean {

    private final MongoTemplate mongo;

    Deliveries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // The delivery log is read per registration, in order.
        mongo.indexOps(Delivery.class).createIndex(new Index().on("registrationId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("registration_log"));
    }

    Claim claim(DeliveryRequest request, String messageId, Instant now, Duration lease) {
        try {
            Delivery claimed = mongo.insert(Delivery.claimed(request, messageId, now, now.plus(lease)));
            return new Claim(Claim.Outcome.ACQUIRED, claimed);
        } catch (DuplicateKeyException alreadyClaimed) {
            return takeOver(request, now, lease);
        }
    }

    /** Takes an existing claim that is neither finished nor held by a running attempt. */
    private Claim takeOver(DeliveryRequest request, Instant now, Duration lease) {
        String id = request.deliveryId();
        Criteria unfinishedAndFree = where("_id").is(id).and("status").is(DeliveryStatus.RETRYING)
                .orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now));
        // The recipients are refreshed: an organiser mail goes to whoever is the contact now.
        Update attempt = new Update().inc("attempts", 1).set("claimedUntil", now.plus(lease)).set("updatedAt", now)
                .set("recipient", request.recipient()).set("cc", request.cc()).set("language", request.language().code());
        Delivery taken = mongo.findAndModify(query(unfinishedAndFree), attempt,
                FindAndModifyOptions.options().returnNew(true), Delivery.class);
        if (taken != null) {
            return new Claim(Claim.Outcome.ACQUIRED, taken);
        }
        Delivery existing = mongo.findById(id, Delivery.class);
        if (existing != null && existing.status() == DeliveryStatus.SENT) {
            return new Claim(Claim.Outcome.ALREADY_SENT, existing);
        }
        if (existing != null && existing.status() == DeliveryStatus.FAILED) {
            return new Claim(Claim.Outcome.ALREADY_FAILED, existing);
        }
        return new Claim(Claim.Outcome.HELD_ELSEWHERE, existing);
    }

    void markSent(String id, Instant now) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("status", DeliveryStatus.SENT)
                .set("sentAt", now).set("updatedAt", now).unset("claimedUntil"), Delivery.class);
    }

    /** Releases the claim at once, so that the next attempt need not wait for it to expire. */
    void markRetrying(String id, String error, Instant now) {
        mongo.updateFirst(query(where("_id").is(id).and("status").is(DeliveryStatus.RETRYING)),
                new Update().set("lastError", error).set("updatedAt", now).unset("claimedUntil"), Delivery.class);
    }

    void markFailed(String id, String error, Instant now) {
        mongo.updateFirst(query(where("_id").is(id).and("status").is(DeliveryStatus.RETRYING)),
                new Update().set("status", DeliveryStatus.FAILED).set("lastError", error).set("updatedAt", now)
                        .unset("claimedUntil"), Delivery.class);
    }

    /** A registration's deliveries, oldest first. */
    public List<Delivery> ofRegistration(String registrationId) {
        return mongo.find(query(where("registrationId").is(registrationId))
                .with(Sort.by("createdAt", "_id")), Delivery.class);
    }

    /** The highest event sequence of a registration that mail was owed for, if any. */
    OptionalLong highestSequence(String registrationId) {
        Delivery latest = mongo.findOne(query(where("registrationId").is(registrationId))
                .with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1), Delivery.class);
        return latest == null ? OptionalLong.empty() : OptionalLong.of(latest.sequence());
    }
}
