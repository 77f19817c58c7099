package org.eforum.directory.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.directory.conference.Conferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects the compacted conferences topic; a lower or equal version than the stored one is ignored. */
@Component
class ConferenceEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ConferenceEventsListener.class);

    private final Conferences conferences;

    ConferenceEventsListener(Conferences conferences) {
        this.conferences = conferences;
    }

    @KafkaListener(id = "directory-conferences", idIsGroup = false, topics = Topics.CONFERENCES)
    void on(ConsumerRecord<String, EforumEvent> record) {
        if (!(record.value() instanceof ConferenceChanged event)) {
            throw new IllegalArgumentException("Not a conference event on " + record.topic() + ": "
                    + (record.value() == null ? "null" : record.value().getClass().getSimpleName()));
        }
        boolean changed = conferences.apply(event);
        log.debug("Conference {} version {}: {}", event.conference().id(), event.version(),
                changed ? "applied" : "already applied or stale");
    }
}
