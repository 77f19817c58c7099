package org.eforum.notification.conference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.EforumEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the conference projection up to date from the compacted conferences topic. */
@Component
class ConferenceEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ConferenceEventsListener.class);

    private final Conferences conferences;

    ConferenceEventsListener(Conferences conferences) {
        this.conferences = conferences;
    }

    @KafkaListener(id = "notification-conferences", idIsGroup = false, topics = Topics.CONFERENCES)
    void on(ConsumerRecord<String, EforumEvent> record) {
        if (!(record.value() instanceof ConferenceChanged changed)) {
            // Not retryable: the platform's error handler sends it straight to the dead-letter topic.
            throw new IllegalArgumentException("unexpected event on " + record.topic() + ": " + record.value());
        }
        if (conferences.apply(changed)) {
            log.info("Conference {} is now at version {}", changed.conference().id(), changed.version());
        } else {
            log.info("Ignored version {} of conference {}: a newer one is known", changed.version(),
                    changed.conference().id());
        }
    }
}
