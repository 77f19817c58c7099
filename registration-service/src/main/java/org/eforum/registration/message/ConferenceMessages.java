package org.eforum.registration.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The messages collection: a conference's messages, newest first. */
@Repository
class ConferenceMessages implements InitializingBean {

    private final MongoTemplate mongo;

    ConferenceMessages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(ConferenceMessage.class).createIndex(new Index().on("conferenceId", Sort.Direction.ASC)
                .on("sentAt", Sort.Direction.DESC).named("by_conference_newest_first"));
        mongo.indexOps(ConferenceMessage.class).createIndex(new Index().on("handing", Sort.Direction.ASC)
                .on("sentAt", Sort.Direction.ASC).named("unfinished_handovers"));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when a message of that id was sent already */
    void insert(ConferenceMessage message) {
        mongo.insert(message);
    }

    /**
     * Records that every recipient has the message. {@code $max}: a resumed handover and the original one may both
     * finish, each with the count it saw.
     */
    void handedToAll(String id, int recipients) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().max("recipients", recipients).unset("handing"), ConferenceMessage.class);
    }

    /** Messages whose handover began before {@code before} and has not finished, oldest first (an index walk). */
    List<ConferenceMessage> unfinishedSince(Instant before, int limit) {
        return mongo.find(Query.query(Criteria.where("handing").is(true).and("sentAt").lt(before))
                .with(Sort.by("sentAt")).limit(limit), ConferenceMessage.class);
    }

    Optional<ConferenceMessage> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ConferenceMessage.class));
    }

    List<ConferenceMessage> ofConference(String conferenceId) {
        return mongo.find(Query.query(Criteria.where("conferenceId").is(conferenceId))
                .with(Sort.by(Sort.Direction.DESC, "sentAt")), ConferenceMessage.class);
    }
}
