package org.eforum.directory.conference;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eforum.contracts.event.ConferenceChanged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The conferences collection. */
@Component
public class Conferences {

    private final MongoTemplate mongo;

    Conferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies a change unless the stored version is the same or newer, in one atomic upsert: the filter only
     * matches an older version, so against a newer one the upsert tries to insert the same {@code _id} and the
     * unique key refuses it. Returns whether the change was applied.
     */
    public boolean apply(ConferenceChanged event) {
        Conference conference = Conference.of(event.conference(), event.version(), event.team());
        Update update = new Update()
                .set("title", conference.title())
                .set("startDate", conference.startDate())
                .set("endDate", conference.endDate())
                .set("city", conference.city())
                .set("country", conference.country())
                .set("version", conference.version())
                .set("team", conference.team());
        try {
            mongo.upsert(query(where("_id").is(conference.id()).and("version").lt(conference.version())), update,
                    Conference.class);
            return true;
        } catch (DuplicateKeyException staleOrDuplicate) {
            return false;
        }
    }

    public Optional<Conference> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Conference.class));
    }

    public Map<String, Conference> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(ids)), Conference.class).stream()
                .collect(Collectors.toMap(Conference::id, Function.identity()));
    }
}
