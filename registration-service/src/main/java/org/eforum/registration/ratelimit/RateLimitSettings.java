package org.eforum.registration.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many public writes one client address may make to one conference (or one registration) per period.
 *
 * @param submits        writes allowed per period; the budget refills in full at the end of each period
 * @param period         the period
 * @param trackedClients most (address, conference) budgets kept at once: a flood of distinct addresses evicts the
 *                       least recently used budgets instead of growing the heap
 */
@ConfigurationProperties("eforum.registration.rate-limit")
public record RateLimitSettings(
        @DefaultValue("10") int submits,
        @DefaultValue("1m") Duration period,
        @DefaultValue("50000") int trackedClients) {

    public RateLimitSettings {
        if (submits < 1 || period.isNegative() || period.isZero() || trackedClients < 1) {
            throw new IllegalStateException("eforum.registration.rate-limit needs submits >= 1, a positive period "
                    + "and tracked-clients >= 1 (got " + submits + ", " + period + ", " + trackedClients + ")");
        }
    }
}
