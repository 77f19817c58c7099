package org.eforum.registration.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A count read from the store at most once per {@code maxAge}; scrapes in between get the last value. */
final class CachedCount {

    private final long maxAgeNanos;
    private final LongSupplier count;
    private long value;
    private long readAt;
    private boolean read;

    CachedCount(Duration maxAge, LongSupplier count) {
        this.maxAgeNanos = maxAge.toNanos();
        this.count = count;
    }

    synchronized double get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= maxAgeNanos) {
            value = count.getAsLong();
            readAt = now;
            read = true;
        }
        return value;
    }
}
