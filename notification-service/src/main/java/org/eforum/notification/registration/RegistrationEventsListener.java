package org.eforum.notification.registration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.RegistrationEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads registration events. A failure is thrown back to the platform's error handler, which retries with an
 * exponential backoff and finally dead-letters the event; records that cannot be read never get here (they go
 * to the dead-letter topic from the deserializer).
 */
@Component
class RegistrationEventsListener {

    private final RegistrationNotifier notifier;

    RegistrationEventsListener(RegistrationNotifier notifier) {
        this.notifier = notifier;
    }

    @KafkaListener(id = "notification-registrations", idIsGroup = false, topics = Topics.REGISTRATIONS)
    void on(ConsumerRecord<String, EforumEvent> record) {
        if (!(record.value() instanceof RegistrationEvent event)) {
            // Not retryable: the platform's error handler sends it straight to the dead-letter topic.
            throw new IllegalArgumentException("unexpected event on " + record.topic() + ": " + record.value());
        }
        notifier.notify(event);
    }
}
