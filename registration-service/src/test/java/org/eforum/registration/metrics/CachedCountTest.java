package org.eforum.registration.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Scrapes within the maximum age cost no count of the store; the next one after it counts again. */
class CachedCountTest {

    @Test
    void countsOncePerMaxAge() {
        AtomicLong counted = new AtomicLong();
        CachedCount hourly = new CachedCount(Duration.ofHours(1), counted::incrementAndGet);
        assertThat(hourly.get()).isEqualTo(1);
        assertThat(hourly.get()).isEqualTo(1);
        assertThat(counted).hasValue(1);

        CachedCount always = new CachedCount(Duration.ZERO, counted::incrementAndGet);
        assertThat(always.get()).isEqualTo(2);
        assertThat(always.get()).isEqualTo(3);
    }
}
