package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** Every event E-Forum publishes. The event id becomes the CloudEvent {@code ce_id}; consumers dedupe on it. */
public sealed interface EforumEvent permits RegistrationEvent, ConferenceEvent, ErasureEvent, PersonKeyEvent,
        AccountEvent {

    UUID eventId();

    Instant occurredAt();

    /** The Kafka key: the id of the aggregate the event belongs to. */
    String aggregateId();
}
