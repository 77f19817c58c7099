package org.eforum.registration.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The {@code organiser_invitations} collection, keyed by the invitation's id. */
@Repository
class Invitations implements InitializingBean {

    private final MongoTemplate mongo;

    Invitations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inviting again supersedes an account's open invitations: found by username. */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Invitation.COLLECTION).createIndex(new Index().on("username", Sort.Direction.ASC));
    }

    void insert(Invitation invitation) {
        mongo.insert(invitation);
    }

    Optional<Invitation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Invitation.class));
    }

    /** The open invitations of an account invited again no longer work. */
    void supersedeOpen(String username, Instant now) {
        mongo.updateMulti(query(where("username").is(username).and("usedAt").is(null).and("supersededAt").is(null)),
                new Update().set("supersededAt", now), Invitation.class);
    }

    /**
     * The one use of an invitation: set {@code usedAt} if it is still open and unexpired at {@code now}. Two requests
     * racing with the same link cannot both win (one atomic write).
     */
    Optional<Invitation> use(String id, Instant now) {
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(id).and("usedAt").is(null)
                        .and("supersededAt").is(null).and("expiresAt").gt(now)),
                new Update().set("usedAt", now), FindAndModifyOptions.options().returnNew(true), Invitation.class));
    }
}
