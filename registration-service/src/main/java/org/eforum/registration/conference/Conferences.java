package org.eforum.registration.conference;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eforum.registration.outbox.Outbox;
import org.eforum.registration.outbox.OutboxEntry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The conferences collection. Every method is one single-document atomic operation. */
@Repository
public class Conferences implements InitializingBean {

    private final MongoTemplate mongo;

    public Conferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // An organiser's own conferences (their workspace's list).
        mongo.indexOps(Conference.class).createIndex(new Index().on("team", Sort.Direction.ASC));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id is taken */
    public void insert(Conference conference) {
        mongo.insert(conference);
    }

    public Optional<Conference> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Conference.class));
    }

    public List<Conference> findAll() {
        return mongo.find(new Query().with(Sort.by("startDate", "id")), Conference.class);
    }

    public List<Conference> withOrganiser(String username) {
        return mongo.find(Query.query(Criteria.where("team").is(username)).with(Sort.by("startDate", "id")),
                Conference.class);
    }

    /**
     * Applies an update only if nobody changed the conference since {@code expectedVersion} and the seats
     * already taken still fit the new capacity.
     *
     * @return the updated conference, empty when the guard failed
     */
    public Optional<Conference> update(String id, long expectedVersion, int capacityDelta, Update changes,
            OutboxEntry event, Instant now) {
        Criteria guard = Criteria.where("_id").is(id).and("version").is(expectedVersion);
        if (capacityDelta < 0) {
            guard = guard.and("seatsLeft").gte(-capacityDelta);
        }
        changes.inc("version", 1).inc("seatsLeft", capacityDelta).set("updatedAt", now)
                .push(Outbox.ENTRIES, event).set(Outbox.PENDING, true).min(Outbox.PENDING_SINCE, now);
        return Optional.ofNullable(mongo.findAndModify(Query.query(guard), changes,
                FindAndModifyOptions.options().returnNew(true), Conference.class));
    }

    /**
     * A newcomer takes one seat if one is left and nobody is waiting for it: a seat freed while people wait is
     * theirs, so a newcomer never overtakes the waiting list. Guard and decrement are one atomic operation.
     */
    public boolean takeSeatUnlessOthersWait(String id) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("seatsLeft").gt(0)
                        .and("waitlistLength").lte(0)),
                new Update().inc("seatsLeft", -1), Conference.class) != null;
    }

    /**
     * Takes one seat if one is left, for the waiting list's first in line.
     *
     * @return the conference after the seat was taken (its snapshot goes into the promotion event); empty if none was left
     */
    public Optional<Conference> takeSeat(String id) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("seatsLeft").gt(0)),
                new Update().inc("seatsLeft", -1), FindAndModifyOptions.options().returnNew(true), Conference.class));
    }

    public void releaseSeat(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("seatsLeft", 1), Conference.class);
    }

    public void joinWaitlist(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("waitlistLength", 1), Conference.class);
    }

    public void leaveWaitlist(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("waitlistLength", -1), Conference.class);
    }

    /**
     * Sets the counters to what the registrations say, but only if the conference is still exactly as observed
     * (same version, same counters): a counter that moved meanwhile belongs to an operation in flight.
     */
    public boolean correctCounters(Conference observed, int seatsLeft, int waitlistLength) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(observed.id()).and("version").is(observed.version())
                        .and("seatsLeft").is(observed.seatsLeft()).and("waitlistLength").is(observed.waitlistLength())),
                new Update().set("seatsLeft", seatsLeft).set("waitlistLength", waitlistLength), Conference.class)
                .getModifiedCount() == 1;
    }
}
