package org.eforum.platform.security.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eforum.security.login-throttle}: after {@code maxFailures} wrong passwords for one username from one
 * client address (HTTP Basic or the login form), further attempts are answered 429 until the allowance refills,
 * all of it over {@code period}. At most {@code tracked} username/client pairs are remembered.
 */
@ConfigurationProperties("eforum.security.login-throttle")
public record LoginThrottleSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") int maxFailures,
        @DefaultValue("5m") Duration period,
        @DefaultValue("100000") int tracked,
        @DefaultValue("/login") String loginPath) {

    public LoginThrottleSettings {
        if (maxFailures < 1 || period.isNegative() || period.isZero() || tracked < 1) {
            throw new IllegalArgumentException("eforum.security.login-throttle needs max-failures >= 1, a positive "
                    + "period and tracked >= 1");
        }
    }
}
