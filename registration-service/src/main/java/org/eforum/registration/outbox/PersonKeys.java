package org.eforum.registration.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.bson.Document;
import org.eforum.contracts.privacy.PersonKey;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The persons' data keys, one document per person id ({@code _id}) in {@value #COLLECTION}, each with the record it
 * owes the person-keys topic in its own outbox: the key when it is made, a tombstone when it is shredded. A key is
 * made the first time an event of the person is published, written here before it is published and published
 * before any event sealed with it, so it is never lost and one person has one key. Shredding removes the key and
 * keeps only the time: an event of the person older than that is never sealed again (it is dropped), a newer one
 * (they registered again) gets a new key.
 */
@Component
public class PersonKeys {

    public static final String COLLECTION = "person_keys";
    private static final String KEY = "key";
    private static final String KEY_ID = "keyId";
    private static final String ISSUED_AT = "issuedAt";
    private static final String SHREDDED_AT = "shreddedAt";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final OutboxEntryFactory entries;

    public PersonKeys(MongoTemplate mongo, Clock clock, OutboxEntryFactory entries) {
        this.mongo = mongo;
        this.clock = clock;
        this.entries = entries;
    }

    /**
     * The live keys of a relay batch's persons in two round trips, not two per person: the stored ones read at
     * once, those never made inserted at once. A person this leaves out (erased, or whose key another relay made
     * meanwhile) goes through {@link #forEventAt}, which decides per event.
     */
    Map<String, KeyToUse> liveKeysOf(Collection<String> personIds) {
        Map<String, KeyToUse> keys = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>(personIds);
        for (Document stored : mongo.find(Query.query(Criteria.where("_id").in(unknown)), Document.class, COLLECTION)) {
            String personId = stored.getString("_id");
            unknown.remove(personId);
            if (stored.getString(KEY) != null) {
                keys.put(personId, new KeyToUse(new PersonKey(personId, stored.getString(KEY_ID), stored.getString(KEY)),
                        Boolean.TRUE.equals(stored.getBoolean(Outbox.PENDING))));
            }
        }
        if (unknown.isEmpty()) {
            return keys;
        }
        Instant now = clock.instant();
        Map<String, PersonKey> made = new HashMap<>();
        List<Document> documents = new ArrayList<>();
        for (String personId : unknown) {
            PersonKey key = PersonKey.generate(personId);
            made.put(personId, key);
            documents.add(newKeyDocument(key, now));
        }
        try {
            mongo.insert(documents, COLLECTION);
            made.forEach((personId, key) -> keys.put(personId, new KeyToUse(key, true)));
        } catch (DataIntegrityViolationException anotherRelayWasFirst) {
            // some were made elsewhere meanwhile: forEventAt reads each of them again
        }
        return keys;
    }

    /**
     * The key to seal an event of the person that happened at {@code eventAt}: theirs, or a new one; empty when
     * the person was erased after it.
     */
    Optional<KeyToUse> forEventAt(String personId, Instant eventAt) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findById(personId, Document.class, COLLECTION);
            if (stored == null) {
                PersonKey key = PersonKey.generate(personId);
                Instant now = clock.instant();
                try {
                    mongo.insert(newKeyDocument(key, now), COLLECTION);
                    return Optional.of(new KeyToUse(key, true));
                } catch (DuplicateKeyException e) {
                    continue; // another relay made it first: use theirs
                }
            }
            if (stored.getString(KEY) != null) {
                return Optional.of(new KeyToUse(new PersonKey(personId, stored.getString(KEY_ID), stored.getString(KEY)),
                        Boolean.TRUE.equals(stored.getBoolean(Outbox.PENDING))));
            }
            Date shreddedAt = stored.getDate(SHREDDED_AT);
            if (shreddedAt != null && !eventAt.isAfter(shreddedAt.toInstant())) {
                return Optional.empty(); // an event from before the erasure: its person is forgotten
            }
            PersonKey key = PersonKey.generate(personId);
            Instant now = clock.instant();
            Document renewed = mongo.findAndModify(Query.query(Criteria.where("_id").is(personId)
                            .and(KEY).exists(false).and(SHREDDED_AT).is(shreddedAt)),
                    new Update().set(KEY_ID, key.keyId()).set(KEY, key.material()).set(ISSUED_AT, now)
                            .push(Outbox.ENTRIES, document(entry(key, now))).set(Outbox.PENDING, true)
                            .set(Outbox.PENDING_SINCE, now),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (renewed != null) {
                return Optional.of(new KeyToUse(key, true));
            }
        }
        throw new IllegalStateException("the key of person " + personId + " kept changing");
    }

    /**
     * Forgets the person's key: the material is removed at once, and the tombstone that removes it from the
     * person-keys topic replaces whatever the outbox still held (a key not yet published never is).
     */
    public void shred(String personId) {
        Instant now = clock.instant();
        mongo.upsert(Query.query(Criteria.where("_id").is(personId)),
                new Update().unset(KEY).unset(KEY_ID).unset(ISSUED_AT).set(SHREDDED_AT, now)
                        .set(Outbox.ENTRIES, List.of(document(OutboxEntry.tombstone(personId, now))))
                        .set(Outbox.PENDING, true).set(Outbox.PENDING_SINCE, now),
                COLLECTION);
    }

    /** A person's first key, with its record owed to the person-keys topic. */
    private Document newKeyDocument(PersonKey key, Instant now) {
        return new Document("_id", key.personId()).append(KEY_ID, key.keyId()).append(KEY, key.material())
                .append(ISSUED_AT, Date.from(now)).append(Outbox.PENDING, true)
                .append(Outbox.PENDING_SINCE, Date.from(now))
                .append(Outbox.ENTRIES, List.of(document(entry(key, now))));
    }

    private OutboxEntry entry(PersonKey key, Instant now) {
        return entries.of(key.issued(now));
    }

    private Document document(OutboxEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        document.remove("_class");
        return document;
    }

    /** A key, and whether its record still waits in the outbox (then it is published before the event). */
    record KeyToUse(PersonKey key, boolean unpublished) {
    }
}
