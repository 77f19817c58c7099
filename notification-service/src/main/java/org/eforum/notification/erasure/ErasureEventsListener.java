package org.eforum.notification.erasure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.notification.delivery.DeliveryService;
import org.eforum.notification.digest.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erases the people of the (compacted) erasures topic. Idempotent: a replay of the whole topic after a restart
 * redacts nothing new and remembers the same hashes.
 */
@Component
class ErasureEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ErasureEventsListener.class);

    private final DeliveryService deliveries;
    private final Digests digests;

    ErasureEventsListener(DeliveryService deliveries, Digests digests) {
        this.deliveries = deliveries;
        this.digests = digests;
    }

    @KafkaListener(id = "notification-erasures", idIsGroup = false, topics = Topics.ERASURES)
    void on(ConsumerRecord<String, EforumEvent> record) {
        if (!(record.value() instanceof ErasureRequested erasure)) {
            // Not retryable: the platform's error handler sends it straight to the dead-letter topic.
            throw new IllegalArgumentException("unexpected event on " + record.topic() + ": " + record.value());
        }
        String hash = erasure.emailHash();
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("erasure " + erasure.eventId() + " has no valid person id");
        }
        int redacted = deliveries.erase(hash, erasure.occurredAt());
        int entries = digests.erase(hash);
        // The hash only: the address itself is what is being forgotten.
        log.info("Erasure {}: address {}… redacted in {} deliveries and {} digest entries; never mailed again",
                erasure.eventId(), hash.substring(0, 12), redacted, entries);
    }
}
