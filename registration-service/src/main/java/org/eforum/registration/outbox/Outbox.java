package org.eforum.registration.outbox;

import java.util.List;

import org.eforum.contracts.Topics;

/**
 * The field names every aggregate document with an embedded outbox uses. {@code outboxPending} is a flag
 * (indexed) rather than a query on the array, so the relay finds work cheaply.
 */
public final class Outbox {

    public static final String ENTRIES = "outbox";
    public static final String PENDING = "outboxPending";
    public static final String PENDING_SINCE = "outboxPendingSince";

    /**
     * The collections whose documents carry an outbox, each with the topic it publishes to, in the order the
     * relay publishes them: person keys first, which must be on Kafka before any event sealed with them (the relay
     * also publishes a batch's new keys before the batch), then conferences, since a registration's consumers like to
     * know its conference.
     */
    public static final List<Source> SOURCES = List.of(
            new Source(PersonKeys.COLLECTION, Topics.PERSON_KEYS),
            new Source("conferences", Topics.CONFERENCES),
            new Source("registrations", Topics.REGISTRATIONS),
            new Source("erasures", Topics.ERASURES),
            new Source("organiser_invitations", Topics.ACCOUNTS));

    /** One collection with an embedded outbox and the topic its events go to. */
    public record Source(String collection, String topic) {
    }

    private Outbox() {
    }
}
