package org.eforum.directory.organisation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Organisations' websites, as organisers curate them. No event carries a website, so this is the directory's own
 * data, kept apart from the projection: a rebuild from the log empties the projected collections, not this one.
 */
@Component
public class OrganisationWebsites {

    static final String COLLECTION = "organisation_websites";

    private final MongoTemplate mongo;

    OrganisationWebsites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void set(String organisationId, String website, String by, Instant now) {
        mongo.upsert(query(where("_id").is(organisationId)),
                new Update().set("website", website).set("updatedBy", by).set("updatedAt", now), COLLECTION);
    }

    void remove(String organisationId) {
        mongo.remove(query(where("_id").is(organisationId)), COLLECTION);
    }

    Optional<String> of(String organisationId) {
        return Optional.ofNullable(mongo.findById(organisationId, Website.class, COLLECTION)).map(Website::website);
    }

    Map<String, String> of(Collection<String> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(organisationIds)), Website.class, COLLECTION).stream()
                .collect(Collectors.toMap(Website::id, Website::website));
    }

    @Document(COLLECTION)
    record Website(@Id String id, String website, String updatedBy, Instant updatedAt) {
    }
}
