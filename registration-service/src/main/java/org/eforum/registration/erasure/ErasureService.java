package org.eforum.registration.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.registration.outbox.OutboxEntryFactory;
import org.eforum.registration.outbox.PersonKeys;
import org.eforum.registration.registration.RegistrationService;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Forgets a person. The erasure event is stored first, so that once the request is answered the other services
 * will hear of it; then this service's own registrations of the address are cancelled and anonymised, and last the
 * person's data key is shredded (crypto-shredding: what Kafka holds of them can no longer be read). Asking again is
 * harmless and finishes what a crash may have left.
 */
@Service
public class ErasureService {

    private final MongoTemplate mongo;
    private final RegistrationService registrations;
    private final Clock clock;
    private final OutboxEntryFactory outboxEntryFactory;
    private final PersonKeys personKeys;

    public ErasureService(MongoTemplate mongo, RegistrationService registrations, Clock clock,
            OutboxEntryFactory outboxEntryFactory, PersonKeys personKeys) {
        this.personKeys = personKeys;
        this.mongo = mongo;
        this.registrations = registrations;
        this.clock = clock;
        this.outboxEntryFactory = outboxEntryFactory;
    }

    public ErasureResult erase(String email, String requestedBy) {
        Instant now = clock.instant();
        String emailHash = EmailHash.of(email);
        ErasureRequested event = new ErasureRequested(UUID.randomUUID(), now, emailHash, requestedBy);
        String id = UUID.randomUUID().toString();
        mongo.insert(new Erasure(id, emailHash, requestedBy, now, 0, true, now, List.of(outboxEntryFactory.of(event))));
        int erased = registrations.erase(email, emailHash, requestedBy);
        // Last, once no outbox holds an event of the person any more: every copy of them on Kafka becomes unreadable.
        personKeys.shred(emailHash);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("registrationsErased", erased),
                Erasure.class);
        return new ErasureResult(emailHash, erased, now);
    }

    /** What the organiser is told: the hash the other services will erase by, and how many registrations were here. */
    public record ErasureResult(String emailHash, int registrationsErased, Instant requestedAt) {
    }
}
