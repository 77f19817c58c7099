package org.eforum.registration.maillog;

import java.time.Duration;

import org.eforum.platform.startup.RefusedSetting;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the workspace reads a registration's delivery log: notification-service's {@code GET /api/notifications},
 * with an account it knows as an operator (under compose and Kubernetes the {@code monitor} account, as the console
 * uses). Without a URL the page says the log is not available; a URL without its account refuses the start.
 *
 * @param url      notification-service's base URL, e.g. {@code http://notification-service:8083}; blank: no log
 * @param username the service account's name there
 * @param password its password (the plain one: notification-service keeps only its hash)
 * @param timeout  how long the page waits for the log, connecting and reading each, before it says unavailable
 */
@ConfigurationProperties("eforum.registration.notification-api")
public record NotificationApiSettings(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("2s") Duration timeout) {

    public NotificationApiSettings {
        if (configured(url) && (!configured(username) || !configured(password))) {
            throw new RefusedSetting("eforum.registration.notification-api.username",
                    "eforum.registration.notification-api.url is set but its username or password is not; the "
                            + "organisers' workspace reads the delivery log with that account.",
                    "Set EFORUM_REGISTRATION_NOTIFICATION_API_USERNAME and _PASSWORD (e.g. monitor and MONITOR_PASSWORD).");
        }
        url = configured(url) ? url.replaceAll("/+$", "") : null;
    }

    boolean enabled() {
        return url != null;
    }

    private static boolean configured(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
