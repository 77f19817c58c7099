package org.eforum.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eforum.contracts.event.EmailHash;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The people who asked to be erased, by {@link EmailHash} only: E-Forum never mails them again, and a replay of
 * their old events cannot bring their address back into the log.
 */
@Component
public class ErasedAddresses {

    private final MongoTemplate mongo;

    ErasedAddresses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Remembers the hash; idempotent (the first request's time is kept). */
    public void record(String emailHash, Instant requestedAt, Instant now) {
        mongo.upsert(query(where("_id").is(emailHash)), new Update().setOnInsert("requestedAt", requestedAt)
                .setOnInsert("recordedAt", now), ErasedAddress.class);
    }

    public boolean isErased(String address) {
        return address != null && !address.isBlank() && mongo.exists(query(where("_id").is(EmailHash.of(address))),
                ErasedAddress.class);
    }

    /** The {@link EmailHash}es of those of {@code addresses} that are erased, in one query. */
    public Set<String> erasedAmong(Collection<String> addresses) {
        List<String> hashes = addresses.stream().filter(a -> a != null && !a.isBlank()).map(EmailHash::of)
                .distinct().toList();
        if (hashes.isEmpty()) {
            return Set.of();
        }
        return mongo.find(query(where("_id").in(hashes)), ErasedAddress.class).stream()
                .map(ErasedAddress::emailHash).collect(Collectors.toSet());
    }

    @Document("erasures")
    record ErasedAddress(@Id String emailHash, Instant requestedAt, Instant recordedAt) {
    }
}
