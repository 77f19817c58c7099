package org.eforum.contracts.kafka;

import org.apache.kafka.common.errors.SerializationException;

/** A record that is not a valid E-Forum CloudEvent. Never worth retrying: it belongs in the dead-letter topic. */
public class MalformedEventException extends SerializationException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
