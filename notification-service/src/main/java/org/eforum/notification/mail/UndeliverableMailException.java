package org.eforum.notification.mail;

/**
 * A mail that can never be sent as it stands (for example its recipient address is invalid). Retrying would
 * not help, so the delivery is recorded as failed instead of being retried.
 */
public class UndeliverableMailException extends RuntimeException {

    public UndeliverableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
