package org.eforum.contracts.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The one way every service turns an e-mail address into the id of a person: HMAC-SHA256 of the trimmed,
 * lower-cased address under a secret the services share ({@code eforum.privacy.address-key}), in hex. It keys the
 * erasures and the person keys on Kafka and the services' own erasure checks. A plain SHA-256 (as before) is
 * reversed by hashing a list of known addresses; without the secret this one cannot be.
 *
 * <p>{@link #of(String)} uses the process's key, which the platform installs from the settings as the app starts
 * ({@link #useKey}): the records that derive ids from addresses have no way to be handed a bean.
 */
public final class EmailHash {

    private static final String HMAC = "HmacSHA256";

    /** The shortest secret accepted: 32 characters, as the other secrets of E-Forum. */
    public static final int MIN_SECRET_LENGTH = 32;

    private static volatile @Nullable EmailHash processKey;

    private final SecretKeySpec key;

    public EmailHash(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the address key needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** Makes {@code secret} the key of {@link #of(String)} in this process. */
    public static void useKey(String secret) {
        processKey = new EmailHash(secret);
    }

    /** {@link #hash} under the process's key. */
    public static String of(String email) {
        EmailHash current = processKey;
        if (current == null) {
            throw new IllegalStateException("No address key: set eforum.privacy.address-key (EmailHash.useKey)");
        }
        return current.hash(email);
    }

    /** 64 lower-case hex digits; the same for every spelling of one address (case, surrounding spaces). */
    public String hash(String email) {
        Objects.requireNonNull(email, "email");
        try {
            Mac mac = Mac.getInstance(HMAC); // a Mac is not thread-safe; a new one is cheap
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(
                    email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "EmailHash[HmacSHA256, key hidden]";
    }
}
