package org.eforum.notification.delivery;

/**
 * Another attempt holds the claim of this delivery. Thrown so that the Kafka error handler tries the event
 * again later: by then the other attempt has either sent the mail (and this one skips it) or its claim has
 * expired (and this one takes over).
 */
public class DeliveryInFlightException extends RuntimeException {

    public DeliveryInFlightException(String deliveryId) {
        super("delivery " + deliveryId + " is being sent by another attempt");
    }
}
