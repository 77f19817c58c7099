package org.eforum.contracts;

/**
 * Kafka topics of E-Forum: one per aggregate. Every record is a CloudEvent in binary mode, keyed by the
 * aggregate id so that one aggregate's events stay in one partition, in order.
 */
public final class Topics {

    /** Registration lifecycle events, key = registration id; kept for ever (the directory is rebuilt from it). */
    public static final String REGISTRATIONS = "eforum.registrations";

    /** Compacted: the latest state of every conference, key = conference id. */
    public static final String CONFERENCES = "eforum.conferences";

    /** Erasure requests, key = the e-mail hash; compacted, so the set of erased people is kept for replays. */
    public static final String ERASURES = "eforum.erasures";

    /**
     * Organiser accounts' events (an invitation to mail), key = the username. The broker's default retention (a
     * week, as long as an invitation is valid by default): nothing is replayed from it. Personal fields sealed.
     */
    public static final String ACCOUNTS = "eforum.accounts";

    /**
     * Compacted: each person's data key, key = the person id ({@code EmailHash}); an erasure leaves a tombstone,
     * which compaction removes with the key, so nothing sealed with it can be read again. Never dead-lettered.
     */
    public static final String PERSON_KEYS = "eforum.person-keys";

    /** Spring Kafka 4's default dead-letter suffix; a dead-letter topic mirrors its source's partitions. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    /**
     * On every dead letter, besides spring-kafka's {@code kafka_dlt-*} headers: the exception and its causes in one
     * line (their message header says only "failed to deserialize" for a record that could not be read).
     */
    public static final String DEAD_LETTER_REASON_HEADER = "eforum_dlt-reason";

    public static final int PARTITIONS = 3;

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
