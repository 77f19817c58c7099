package org.eforum.notification.digest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param digestInterval the length of one digest window; windows are aligned to the epoch (with 1h: every full
 *                       hour UTC), so every instance agrees on them and a restart does not shift them
 */
@ConfigurationProperties("eforum.notification")
record DigestSettings(@DefaultValue("1h") Duration digestInterval) {

    DigestSettings {
        if (digestInterval.isNegative() || digestInterval.toMillis() < 100) {
            throw new IllegalArgumentException("eforum.notification.digest-interval must be at least 100ms");
        }
    }

    /** How often closed windows are looked for: a quarter of the interval, at most a minute. */
    Duration checkEvery() {
        Duration quarter = digestInterval.dividedBy(4);
        return quarter.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : quarter;
    }
}
