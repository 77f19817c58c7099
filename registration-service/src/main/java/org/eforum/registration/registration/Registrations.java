package org.eforum.registration.registration;

import java.util.List;
import java.util.Optional;

import org.eforum.contracts.event.RegistrationStatus;
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

/** The registrations collection. Every write is one single-document atomic operation. */
@Repository
public class Registrations implements InitializingBean {

    private final MongoTemplate mongo;

    public Registrations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Registration.class);
        indexes.createIndex(new Index().on("conferenceId", Sort.Direction.ASC).on("emailKey", Sort.Direction.ASC)
                .unique().named("one_registration_per_email"));
        indexes.createIndex(new Index().on("conferenceId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("registeredAt", Sort.Direction.ASC).named("waitlist_order"));
        indexes.createIndex(new Index().on(Outbox.PENDING, Sort.Direction.ASC).on(Outbox.PENDING_SINCE, Sort.Direction.ASC));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the e-mail is registered for the conference */
    public void insert(Registration registration) {
        mongo.insert(registration);
    }

    public Optional<Registration> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Registration.class));
    }

    public Optional<Registration> findByEmail(String conferenceId, String email) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("conferenceId").is(conferenceId)
                .and("emailKey").is(Registration.emailKey(email))), Registration.class));
    }

    public List<Registration> ofConference(String conferenceId) {
        return mongo.find(Query.query(Criteria.where("conferenceId").is(conferenceId)).with(Sort.by("registeredAt")),
                Registration.class);
    }

    /**
     * Writes a transition: the new status, {@code sequence + 1} and the event appended to the outbox, in one
     * findAndModify guarded by the status and sequence the transition was decided on.
     *
     * @return the registration after the change; empty when someone else changed it first (read it again)
     */
    Optional<Registration> apply(Registration.Transition transition) {
        Registration from = transition.from();
        Query unchangedSinceRead = Query.query(Criteria.where("_id").is(from.id())
                .and("status").is(from.status()).and("sequence").is(from.sequence()));
        Update change = new Update().set("status", transition.to()).inc("sequence", 1)
                .set("updatedAt", transition.event().occurredAt())
                .push(Outbox.ENTRIES, OutboxEntry.of(transition.event()))
                .set(Outbox.PENDING, true).min(Outbox.PENDING_SINCE, transition.event().occurredAt());
        return Optional.ofNullable(mongo.findAndModify(unchangedSinceRead, change,
                FindAndModifyOptions.options().returnNew(true), Registration.class));
    }

    /** The next in line for a freed seat: the oldest waitlisted registration, ties broken by id. */
    Optional<Registration> oldestWaitlisted(String conferenceId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("conferenceId").is(conferenceId)
                        .and("status").is(RegistrationStatus.WAITLISTED)).with(Sort.by("registeredAt", "_id")),
                Registration.class));
    }

    long count(String conferenceId, RegistrationStatus status) {
        return mongo.count(Query.query(Criteria.where("conferenceId").is(conferenceId).and("status").is(status)),
                Registration.class);
    }
}
