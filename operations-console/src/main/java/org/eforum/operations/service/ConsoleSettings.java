package org.eforum.operations.service;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.eforum.platform.startup.RefusedSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param services         the apps the console watches: name → base URL (their actuator health is read from there)
 * @param sampleInterval   how often the sampling console instance samples the topics' end offsets and the groups' lag
 *                         (default 5 s)
 * @param historyRetention how long samples are kept in memory for the rate and the chart, and how far back a starting
 *                         console reads the samples topic, which keeps them a minute longer (default 15 min)
 * @param credentials      the operator account the console calls the services' operator endpoints with (the
 *                         outbox view); the {@code local} profile has {@code operator}/{@code operator}, anywhere
 *                         else they must be configured or the console refuses to start
 */
@ConfigurationProperties("eforum.console")
public record ConsoleSettings(Map<String, URI> services, Duration sampleInterval, Duration historyRetention,
        Credentials credentials) {

    public record Credentials(String username, String password) {
    }

    public ConsoleSettings {
        services = services == null ? Map.of() : Map.copyOf(services);
        services.forEach((name, url) -> {
            if (!url.isAbsolute() || !url.getScheme().matches("https?") || url.getHost() == null) {
                throw new IllegalStateException("eforum.console.services." + name + " must be an http(s) URL, not " + url);
            }
        });
        sampleInterval = sampleInterval == null ? Duration.ofSeconds(5) : sampleInterval;
        historyRetention = historyRetention == null ? Duration.ofMinutes(15) : historyRetention;
        if (sampleInterval.isNegative() || sampleInterval.isZero() || historyRetention.compareTo(sampleInterval) < 0) {
            throw new IllegalStateException("eforum.console.sample-interval must be positive and no longer than "
                    + "eforum.console.history-retention");
        }
        if (credentials == null || blank(credentials.username()) || blank(credentials.password())) {
            throw new RefusedSetting("eforum.console.credentials", "No credentials for the console's calls to the "
                    + "services (eforum.console.credentials.username and .password); default credentials exist only "
                    + "in the 'local' profile.",
                    "Set EFORUM_CONSOLE_CREDENTIALS_USERNAME and EFORUM_CONSOLE_CREDENTIALS_PASSWORD (the plain "
                            + "password: the console sends it) to an OPERATOR account of the services.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
