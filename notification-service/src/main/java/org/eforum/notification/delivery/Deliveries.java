package org.eforum.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eforum.notification.mail.MailKind;
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
        // A dead-lettered event's deliveries; an erased person's deliveries.
        mongo.indexOps(Delivery.class).createIndex(new Index().on("eventId", Sort.Direction.ASC).named("event"));
        mongo.indexOps(Delivery.class).createIndex(new Index().on("recipientHash", Sort.Direction.ASC)
                .named("recipient_hash"));
        mongo.indexOps(Delivery.class).createIndex(new Index().on("ccHashes", Sort.Direction.ASC).named("cc_hashes"));
    }

    Claim claim(DeliveryRequest request, String messageId, Instant now, Duration lease) {
        try {
            Delivery claimed = mongo.insert(Delivery.claimed(request, messageId, now, now.plus(lease)));
            return new Claim(Claim.Outcome.ACQUIRED, claimed);
        } catch (DuplicateKeyException alreadyClaimed) {
            return takeOver(request, now, lease);
        }
    }

    /**
     * Takes an existing claim that is neither finished nor held by a running attempt: one whose last attempt
     * failed (or was abandoned by a crash), or one given up after the retries whose event is now re-driven.
     */
    private Claim takeOver(DeliveryRequest request, Instant now, Duration lease) {
        String id = request.deliveryId();
        Criteria unfinishedAndFree = new Criteria().andOperator(where("status").is(DeliveryStatus.RETRYING),
                new Criteria().orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now)));
        Criteria givenUp = new Criteria().andOperator(where("status").is(DeliveryStatus.FAILED),
                where("gaveUp").is(true));
        // The recipients are refreshed: an organiser mail goes to whoever is the contact now.
        Update attempt = new Update().inc("attempts", 1).set("claimedUntil", now.plus(lease)).set("updatedAt", now)
                .set("status", DeliveryStatus.RETRYING).set("gaveUp", false)
                .set("recipient", request.recipient()).set("cc", request.cc()).set("language", request.language().code())
                .set("recipientHash", request.recipientHash()).set("ccHashes", request.ccHashes());
        Delivery taken = mongo.findAndModify(
                query(where("_id").is(id).orOperator(unfinishedAndFree, givenUp)), attempt,
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

    /**
     * The retries of an event ran out and it went to the dead-letter topic: its deliveries that are waiting
     * for another attempt become {@code FAILED} (given up, so a re-drive may try again). A delivery another
     * attempt holds right now is left to that attempt.
     *
     * @return the deliveries marked
     */
    List<Delivery> markGivenUp(String eventId, String error, Instant now) {
        Criteria waiting = where("eventId").is(eventId).and("status").is(DeliveryStatus.RETRYING)
                .orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now));
        List<Delivery> marked = new ArrayList<>();
        for (Delivery delivery : mongo.find(query(waiting), Delivery.class)) {
            Delivery failed = mongo.findAndModify(query(where("_id").is(delivery.id())
                            .and("status").is(DeliveryStatus.RETRYING)
                            .orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now))),
                    new Update().set("status", DeliveryStatus.FAILED).set("gaveUp", true)
                            .set("lastError", delivery.lastError() != null ? delivery.lastError() : error).set("updatedAt", now)
                            .unset("claimedUntil"),
                    FindAndModifyOptions.options().returnNew(true), Delivery.class);
            if (failed != null) {
                marked.add(failed);
            }
        }
        return marked;
    }

    /**
     * Replaces every occurrence of an erased person's address in the log by {@link Delivery#ERASED}: as
     * recipient, in Cc, and inside the last error (SMTP errors quote addresses). Status, kind and times stay.
     *
     * @return how many deliveries were redacted
     */
    int redact(String emailHash, Instant now) {
        int redacted = 0;
        for (Delivery delivery : mongo.find(query(new Criteria().orOperator(where("recipientHash").is(emailHash),
                where("ccHashes").is(emailHash))), Delivery.class)) {
            String lastError = delivery.lastError();
            String recipient = delivery.recipient();
            if (recipient != null && !Delivery.ERASED.equals(recipient) && emailHash.equals(DeliveryRequest.hash(recipient))) {
                lastError = erase(lastError, recipient);
                recipient = Delivery.ERASED;
            }
            List<String> cc = new ArrayList<>();
            for (String address : delivery.cc()) {
                if (!Delivery.ERASED.equals(address) && emailHash.equals(DeliveryRequest.hash(address))) {
                    lastError = erase(lastError, address);
                    cc.add(Delivery.ERASED);
                } else {
                    cc.add(address);
                }
            }
            mongo.updateFirst(query(where("_id").is(delivery.id())), new Update().set("recipient", recipient)
                    .set("cc", cc).set("lastError", lastError).set("redactedAt", now), Delivery.class);
            redacted++;
        }
        return redacted;
    }

    /**
     * Redacts the new addresses an erased person asked their registrations to move to (the recipients of
     * {@link MailKind#PARTICIPANT_CONFIRM_NEW_EMAIL}): the person typed them, so they go with the person's own
     * address. The address itself is not taken for erased: it may be someone else's, who may still be mailed.
     *
     * @return how many deliveries were redacted
     */
    int redactNewAddresses(java.util.Collection<String> registrationIds, Instant now) {
        if (registrationIds.isEmpty()) {
            return 0;
        }
        int redacted = 0;
        for (Delivery delivery : mongo.find(query(where("registrationId").in(registrationIds)
                .and("kind").is(MailKind.PARTICIPANT_CONFIRM_NEW_EMAIL).and("recipient").ne(Delivery.ERASED)),
                Delivery.class)) {
            mongo.updateFirst(query(where("_id").is(delivery.id())), new Update().set("recipient", Delivery.ERASED)
                    .set("lastError", erase(delivery.lastError(), delivery.recipient())).set("redactedAt", now),
                    Delivery.class);
            redacted++;
        }
        return redacted;
    }

    private static String erase(String text, String address) {
        return text == null ? null
                : Pattern.compile(Pattern.quote(address.strip()), Pattern.CASE_INSENSITIVE).matcher(text)
                        .replaceAll(Matcher.quoteReplacement(Delivery.ERASED));
    }

    /** The registrations the person with this address hash was mailed about (as participant). */
    java.util.Set<String> registrationsOf(String emailHash) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Delivery delivery : mongo.find(query(where("recipientHash").is(emailHash)), Delivery.class)) {
            if (delivery.registrationId() != null) {
                ids.add(delivery.registrationId());
            }
        }
        return ids;
    }

    /**
     * The latest deliveries first, filtered by conference, status and recipient (part of the address, any case).
     * For the operators' view; at most {@code limit}.
     */
    public List<Delivery> recent(String conferenceId, DeliveryStatus status, String recipient, int limit) {
        List<Criteria> filters = new ArrayList<>();
        if (conferenceId != null && !conferenceId.isBlank()) {
            filters.add(where("conferenceId").is(conferenceId.strip()));
        }
        if (status != null) {
            filters.add(where("status").is(status));
        }
        if (recipient != null && !recipient.isBlank()) {
            filters.add(where("recipient").regex(Pattern.quote(recipient.strip()), "i"));
        }
        Criteria criteria = filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters);
        return mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "updatedAt", "_id")).limit(limit),
                Delivery.class);
    }

    public java.util.Optional<Delivery> find(String id) {
        return java.util.Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    /** The deliveries with these ids (by {@code _id}: each one an exact match on the primary key). */
    public List<Delivery> findAll(java.util.Collection<String> ids) {
        return ids.isEmpty() ? List.of() : mongo.find(query(where("_id").in(ids)), Delivery.class);
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
