package org.eforum.notification.registration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.platform.privacy.PersonalDataReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads registration events. A failure is thrown back to the platform's error handler, which retries with an
 * exponential backoff and finally dead-letters the event; records that cannot be read never get here (they go
 * to the dead-letter topic from the deserializer).
 *
 * <p>{@code eforum.notification.concurrency} consumers (default 3, one per partition of the topic) mail in
 * parallel. Order is kept where it matters: a registration's events share a key, so a partition, so one
 * consumer thread. A blocking retry pauses only the partitions of the consumer retrying; the others go on.
 * Claims need no coordination between them: each is one atomic write on the delivery's own id.
 */
@Component
class RegistrationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RegistrationEventsListener.class);

    private final RegistrationNotifier notifier;
    private final PersonalDataReader personalData;

    RegistrationEventsListener(RegistrationNotifier notifier, PersonalDataReader personalData) {
        this.notifier = notifier;
        this.personalData = personalData;
    }

    @KafkaListener(id = "notification-registrations", idIsGroup = false, topics = Topics.REGISTRATIONS,
            concurrency = "${eforum.notification.concurrency:3}")
    void on(ConsumerRecord<String, EforumEvent> record) {
        if (!(record.value() instanceof RegistrationEvent event)) {
            // Not retryable: the platform's error handler sends it straight to the dead-letter topic.
            throw new IllegalArgumentException("unexpected event on " + record.topic() + ": " + record.value());
        }
        // Sealed with the person's key on Kafka; no key (erased) means no mail at all, and no dead letter either.
        personalData.open(event).ifPresentOrElse(notifier::notify, () -> log.info(
                "Registration {} event {}: its person was erased, nobody is mailed", event.registrationId(),
                event.eventId()));
    }
}
