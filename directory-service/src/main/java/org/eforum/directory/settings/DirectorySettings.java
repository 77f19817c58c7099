package org.eforum.directory.settings;

import java.time.Duration;

import org.eforum.platform.startup.RefusedSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The directory's own settings.
 *
 * @param publicIdSecret key of the HMAC that turns a person's private key (the normalised e-mail) into the public
 *                       id: at least 32 characters, never shared. The same secret gives the same ids after a rebuild
 *                       from the log; without the secret nobody can test whether an address is in the directory.
 * @param rebuildOnStart empty the directory and replay every topic from the beginning when the app starts
 * @param rebuildGroupTimeout how long a rebuild waits for every instance to leave the consumer group before it
 *                            gives up, changing nothing (twice this, and the others give up on a silent coordinator)
 */
@ConfigurationProperties("eforum.directory")
public record DirectorySettings(String publicIdSecret, @DefaultValue("false") boolean rebuildOnStart,
        @DefaultValue("60s") Duration rebuildGroupTimeout) {

    public DirectorySettings {
        if (publicIdSecret == null || publicIdSecret.length() < 32) {
            throw new RefusedSetting("eforum.directory.public-id-secret", "eforum.directory.public-id-secret is "
                    + (publicIdSecret == null || publicIdSecret.isEmpty() ? "not set" : "shorter than 32 characters")
                    + "; it derives the directory's public person ids, which must stay the same across rebuilds. "
                    + "Only the 'local' profile has a default.",
                    "Set EFORUM_DIRECTORY_PUBLIC_ID_SECRET to at least 32 random characters, e.g. "
                            + "`openssl rand -base64 48`, and keep it: a new one changes every public id.");
        }
    }
}
