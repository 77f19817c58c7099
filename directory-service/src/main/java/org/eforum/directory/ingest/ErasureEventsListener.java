package org.eforum.directory.ingest;

import java.time.Instant;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.directory.erasure.Erasures;
import org.eforum.directory.person.PersonProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erasure requests: first recorded (so that from then on every registration event up to the erasure is ignored),
 * then applied to the person. The order matters: see {@link PersonProjection#apply}.
 */
@Component
class ErasureEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ErasureEventsListener.class);
    private static final Pattern PERSON_ID = Pattern.compile("[0-9a-f]{64}");

    private final Erasures erasures;
    private final PersonProjection people;

    ErasureEventsListener(Erasures erasures, PersonProjection people) {
        this.erasures = erasures;
        this.people = people;
    }

    @KafkaListener(id = "directory-erasures", idIsGroup = false, topics = Topics.ERASURES)
    void on(ConsumerRecord<String, EforumEvent> record) {
        if (!(record.value() instanceof ErasureRequested request)) {
            throw new IllegalArgumentException("Not an erasure event on " + record.topic() + ": "
                    + (record.value() == null ? "null" : record.value().getClass().getSimpleName()));
        }
        if (request.emailHash() == null || !PERSON_ID.matcher(request.emailHash()).matches()
                || request.occurredAt() == null) {
            throw new IllegalArgumentException("Erasure request " + request.eventId()
                    + " lacks a person id (64 hex digits) or its time");
        }
        Instant erasedAt = erasures.record(request);
        boolean changed = people.erase(request.emailHash(), erasedAt);
        log.info("Erasure {} requested by {}: {}", request.eventId(), request.requestedBy(),
                changed ? "person removed" : "nobody (left) to remove");
    }
}
