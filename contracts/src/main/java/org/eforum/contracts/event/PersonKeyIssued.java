package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * registration-service made a data key for a person (the first time it published an event of theirs, or the first
 * time after an erasure). The newest one per person is their key; a tombstone (null value) means erased.
 *
 * @param personId the {@link EmailHash} of the person's address, also the record's key
 * @param keyId    a UUID naming this key among the person's keys over time
 * @param key      256 bits for AES-GCM, Base64 (never in {@link #toString()})
 */
public record PersonKeyIssued(UUID eventId, Instant occurredAt, String personId, String keyId, String key)
        implements PersonKeyEvent {

    @Override
    public String toString() {
        return "PersonKeyIssued[eventId=" + eventId + ", personId=" + personId + ", keyId=" + keyId + ", key hidden]";
    }
}
