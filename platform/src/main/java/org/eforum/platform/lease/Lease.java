package org.eforum.platform.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.MongoWriteException;
import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A named lease one instance holds at a time: a document {@code {_id: name, owner, until}} taken only when free
 * or expired, with one conditional upsert (a second instance's insert of the same id fails on the unique
 * {@code _id}). The holder renews it once half its time, or less than the work needs, is left, so it costs a
 * write every few seconds, not one per use; another instance only reads it. An instance that stops renewing (killed, partitioned, frozen) loses it after {@code ttl}.
 *
 * <p>Work guarded by a lease starts only while the lease has at least the work's longest duration left, as read
 * by this instance's clock: so another instance, which takes it only after {@code until}, never overlaps with
 * it, as long as the clocks of the instances agree to well under that margin (NTP keeps them within
 * milliseconds) and the process is not frozen longer than the margin in the middle of the work.
 */
public final class Lease {

    private final MongoCollection<Document> leases;
    private final String name;
    private final String owner;
    private final Duration ttl;
    private final Clock clock;
    private @Nullable Instant heldUntil;

    Lease(MongoCollection<Document> leases, String name, String owner, Duration ttl, Clock clock) {
        this.leases = leases;
        this.name = name;
        this.owner = owner;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Takes or renews the lease when needed; true when this instance holds it with at least {@code needed} left,
     * so that work of at most that long may start now.
     */
    public synchronized boolean holdFor(Duration needed) {
        if (needed.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("work of " + needed + " cannot fit in a lease of " + ttl);
        }
        Instant now = clock.instant();
        Duration renewBelow = needed.compareTo(ttl.dividedBy(2)) > 0 ? needed : ttl.dividedBy(2);
        if (heldUntil == null || heldUntil.isBefore(now.plus(renewBelow))) {
            try {
                heldUntil = acquire(now);
            } catch (RuntimeException storeAway) {
                // not renewed: what was held still holds until then, and nobody else can take it before
                if (heldUntil != null && heldUntil.isBefore(now)) {
                    heldUntil = null;
                }
            }
        }
        return heldUntil != null && !heldUntil.isBefore(now.plus(needed));
    }

    /** Whether this instance held the lease at its last {@link #holdFor}, and it has not run out since. */
    public synchronized boolean isHeld() {
        return heldUntil != null && heldUntil.isAfter(clock.instant());
    }

    /**
     * Gives the lease up at once (on a graceful stop), so another instance need not wait for it to expire. Never
     * throws: with the store away, the lease simply expires.
     */
    public synchronized void release() {
        if (heldUntil != null) {
            heldUntil = null;
            try {
                leases.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("owner", owner)));
            } catch (RuntimeException storeAway) {
                // it runs out by itself within its ttl
            }
        }
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }

    private @Nullable Instant acquire(Instant now) {
        Document current = leases.find(Filters.eq("_id", name)).first();
        if (current != null && !owner.equals(current.getString("owner"))
                && current.getDate("until").toInstant().isAfter(now)) {
            return null; // held by another instance: a read, not a write that would fail on the key
        }
        Instant until = now.plus(ttl);
        try {
            Document taken = leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", name),
                            Filters.or(Filters.eq("owner", owner), Filters.lt("until", Date.from(now)))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("until", Date.from(until)),
                            Updates.set("renewedAt", Date.from(now))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return taken != null && owner.equals(taken.getString("owner")) ? until : null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return null; // another instance holds it and it has not expired
            }
            throw e;
        } catch (com.mongodb.MongoCommandException e) {
            if (e.getErrorCode() == 11000) {
                return null; // the same, as findAndModify reports it
            }
            throw e;
        }
    }
}
