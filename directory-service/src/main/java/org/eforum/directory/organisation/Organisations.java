package org.eforum.directory.organisation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eforum.directory.text.Normaliser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The organisations collection. */
@Component
public class Organisations {

    private final MongoTemplate mongo;

    Organisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Makes sure the organisation exists and returns its id (empty for a blank name). Idempotent, so it is safe
     * to run before the person's own write: a redelivered event just finds it there. The first spelling seen
     * stays the display name, so the name does not flip with each registration.
     */
    public Optional<String> register(String name, String country) {
        String normalisedName = Normaliser.text(name);
        if (normalisedName.isEmpty()) {
            return Optional.empty();
        }
        String id = Normaliser.organisationId(name, country);
        Update update = new Update()
                .setOnInsert("name", Normaliser.display(name))
                .setOnInsert("normalisedName", normalisedName)
                .setOnInsert("country", country == null ? null : country.toUpperCase(Locale.ROOT))
                .setOnInsert("firstSeen", Instant.now());
        try {
            mongo.upsert(query(where("_id").is(id)), update, Organisation.class);
        } catch (DuplicateKeyException concurrentFirstSight) {
            // another consumer inserted it between our match and insert: the outcome is the same
        }
        return Optional.of(id);
    }

    public Map<String, Organisation> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(ids)), Organisation.class).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
    }
}
