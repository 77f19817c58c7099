package org.eforum.registration.outbox;

/**
 * The field names every aggregate document with an embedded outbox uses. {@code outboxPending} is a flag
 * (indexed) rather than a query on the array, so the relay finds work cheaply.
 */
public final class Outbox {

    public static final String ENTRIES = "outbox";
    public static final String PENDING = "outboxPending";
    public static final String PENDING_SINCE = "outboxPendingSince";

    private Outbox() {
    }
}
