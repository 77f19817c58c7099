package org.eforum.registration.registration;

import java.util.List;
import java.util.Optional;

import org.eforum.registration.outbox.Outbox;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The registrations collection. */
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
}
