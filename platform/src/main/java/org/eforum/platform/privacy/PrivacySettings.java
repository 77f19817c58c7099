package org.eforum.platform.privacy;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param addressKey        the secret of the HMAC that turns an address into a person id, shared by every service (at
 *                          least 32 characters; only the {@code local} profile has a default)
 * @param personIds         whether this app derives person ids at all (and so needs the address key); the console
 *                          does not
 * @param openPersonalData  whether this app reads the person keys and opens sealed events (directory, notification)
 * @param keyWait           how long opening an event may wait for the person-keys topic to be read to its end
 *                          before the record is retried
 */
@ConfigurationProperties("eforum.privacy")
public record PrivacySettings(
        @Nullable String addressKey,
        @DefaultValue("true") boolean personIds,
        @DefaultValue("false") boolean openPersonalData,
        @DefaultValue("10s") Duration keyWait) {
}
