package org.eforum.directory.rebuild;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The one document in {@value #COLLECTION} through which every instance of directory-service follows a rebuild:
 * the instance that was asked (the coordinator) writes {@link Phase#STOPPING}; every other instance stops its
 * listeners when it reads that, so the consumer group empties and its offsets can be moved; the coordinator then
 * rewinds and empties ({@link Phase#EMPTYING}) and writes {@link Phase#REPLAYING} (or {@link Phase#FAILED}), upon
 * which the others start their listeners again.
 */
record RebuildRecord(long generation, Phase phase, Instant requestedAt, String coordinator,
        @Nullable Instant startedAt, Map<String, Long> target, @Nullable String reason) {

    static final String COLLECTION = "directory_rebuild";
    static final String ID = "rebuild";

    enum Phase {
        STOPPING, EMPTYING, REPLAYING, FAILED;

        /** Other instances keep their listeners stopped. */
        boolean holdsListeners() {
            return this == STOPPING || this == EMPTYING;
        }
    }
}
