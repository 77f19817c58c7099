package org.eforum.notification.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.notification.delivery.DeliveryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

/**
 * Marks an event's waiting deliveries {@code FAILED} once the platform's error handler has given up on it and
 * published it to the dead-letter topic.
 *
 * <p>A retry listener on the platform's own {@link DefaultErrorHandler} rather than a second error handler or a
 * wrapped recoverer: the dead-lettering stays exactly the platform's (same template, topic {@code <topic>-dlt},
 * same partition, same {@code kafka_dlt-*} headers, same not-retryable exceptions and backoff), and this class
 * only learns the outcome. {@code recovered} is called after the recoverer succeeded, so a delivery is
 * {@code FAILED} exactly when its event is in the dead-letter topic; when publishing the dead letter fails, the
 * record is retried and the delivery stays {@code RETRYING}. Registered before any container starts
 * ({@link SmartInitializingSingleton} runs before the containers' lifecycle start).
 */
@Component
class GivenUpEvents implements RetryListener, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(GivenUpEvents.class);

    private final ObjectProvider<CommonErrorHandler> errorHandler;
    private final DeliveryService deliveries;

    GivenUpEvents(ObjectProvider<CommonErrorHandler> errorHandler, DeliveryService deliveries) {
        this.errorHandler = errorHandler;
        this.deliveries = deliveries;
    }

    @Override
    public void afterSingletonsInstantiated() {
        CommonErrorHandler handler = errorHandler.getIfUnique();
        if (handler instanceof DefaultErrorHandler defaultHandler) {
            // The platform's handler has no retry listener of its own; this one is the only one.
            defaultHandler.setRetryListeners(this);
        } else {
            log.warn("The Kafka error handler is {}, not the platform's DefaultErrorHandler: deliveries of "
                    + "dead-lettered events will stay RETRYING instead of becoming FAILED", handler);
        }
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        // Each failed attempt is already recorded on its delivery (RETRYING, last error) by DeliveryService.
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
        if (record.value() instanceof EforumEvent event) {
            deliveries.giveUp(event.eventId(), rootCause(ex));
        }
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
