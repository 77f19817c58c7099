package org.eforum.directory.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The directory's own settings.
 *
 * @param publicIdSecret key of the HMAC that turns a person's private key (the normalised e-mail) into the public
 *                       id: at least 32 characters, never shared. The same secret gives the same ids after a rebuild
 *                       from the log; without the secret nobody can test whether an address is in the directory.
 * @param rebuildOnStart empty the directory and replay every topic from the beginning when the app starts
 */
@ConfigurationProperties("eforum.directory")
public record DirectorySettings(String publicIdSecret, @DefaultValue("false") boolean rebuildOnStart) {

    public DirectorySettings {
        if (publicIdSecret == null || publicIdSecret.length() < 32) {
            throw new IllegalStateException("eforum.directory.public-id-secret must be set to at least 32 random "
                    + "characters (EFORUM_DIRECTORY_PUBLIC_ID_SECRET); it derives the directory's public person ids, "
                    + "which must stay the same across rebuilds. Only the 'local' profile has a default.");
        }
    }
}
