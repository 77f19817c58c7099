package org.eforum.directory.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.eforum.contracts.event.ErasureRequested;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The erasures collection. It is the directory's memory of who must not come back, so a rebuild keeps it (and
 * replays the compacted erasures topic into it as well): an erased person never reappears, not even for the
 * moments a replay takes.
 */
@Component
public class Erasures {

    private final MongoTemplate mongo;

    Erasures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Records the request in one atomic upsert; {@code $max} keeps the newest erasure whatever the order of
     * arrival, and a redelivered request changes nothing. Returns the moment now in force for that hash.
     */
    public Instant record(ErasureRequested request) {
        Instant at = request.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        mongo.upsert(query(where("_id").is(request.emailHash())), new Update().max("erasedAt", at), Erasure.class);
        return erasedAt(request.emailHash()).orElse(at);
    }

    public Optional<Instant> erasedAt(String emailHash) {
        return Optional.ofNullable(mongo.findById(emailHash, Erasure.class)).map(Erasure::erasedAt);
    }
}
