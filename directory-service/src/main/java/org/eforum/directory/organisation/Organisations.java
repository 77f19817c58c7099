package org.eforum.directory.organisation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eforum.directory.text.Normaliser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The organisations collection. */
@Component
public class Organisations {

    private final MongoTemplate mongo;
    private final OrganisationWebsites websites;

    Organisations(MongoTemplate mongo, OrganisationWebsites websites) {
        this.mongo = mongo;
        this.websites = websites;
    }

    /**
     * Makes sure the organisation exists and returns its id (empty for a blank name). Idempotent, so it is safe
     * to run before the person's own write: a redelivered event just finds it there. The spelling of the earliest
     * registration stays the display name, so the name neither flips with each registration nor depends on which
     * partition a replay reads first: one atomic upsert whose filter only matches a later-named organisation
     * (against an earlier one the insert of the same {@code _id} is refused, as for conferences).
     */
    public Optional<String> register(String name, String country, Instant occurredAt, String eventId) {
        String normalisedName = Normaliser.text(name);
        if (normalisedName.isEmpty()) {
            return Optional.empty();
        }
        String id = Normaliser.organisationId(name, country);
        Instant at = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        Update update = new Update()
                .set("name", Normaliser.display(name))
                .set("normalisedName", normalisedName)
                .set("country", country == null ? null : country.toUpperCase(Locale.ROOT))
                .set("nameSince", at)
                .set("nameEventId", eventId);
        Criteria namedLater = new Criteria().orOperator(where("nameSince").gt(at),
                where("nameSince").is(at).and("nameEventId").gt(eventId));
        Organisation known = mongo.findById(id, Organisation.class);
        if (known != null && known.nameSince() != null && (known.nameSince().isBefore(at)
                || known.nameSince().equals(at) && known.nameEventId() != null
                        && known.nameEventId().compareTo(eventId) <= 0)) {
            // Named by an earlier registration already (every event after the first): a read, not a refused write.
            return Optional.of(id);
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                mongo.upsert(query(where("_id").is(id)).addCriteria(namedLater), update, Organisation.class);
                break;
            } catch (DuplicateKeyException namedEarlierOrConcurrently) {
                // It exists with an earlier (or this) spelling; or another consumer inserted it between our match
                // and our insert, and then the second attempt's filter compares against that one.
            }
        }
        return Optional.of(id);
    }

    /**
     * The id {@link #register} would give the organisation, without registering it (empty for a blank name): for a
     * registration the organisers have not approved, which must not even give the organisation its spelling.
     */
    public Optional<String> idOf(String name, String country) {
        return Normaliser.text(name).isEmpty() ? Optional.empty()
                : Optional.of(Normaliser.organisationId(name, country));
    }

    /** The organisation with its curated website, if one is set. */
    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Organisation.class))
                .map(organisation -> withWebsite(organisation, websites.of(id).orElse(organisation.website())));
    }

    public Map<String, Organisation> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> curated = websites.of(ids);
        return mongo.find(query(where("_id").in(ids)), Organisation.class).stream()
                .map(organisation -> withWebsite(organisation, curated.getOrDefault(organisation.id(), organisation.website())))
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    private static Organisation withWebsite(Organisation o, String website) {
        return new Organisation(o.id(), o.name(), o.normalisedName(), o.country(), website, o.nameSince(), o.nameEventId());
    }
}
