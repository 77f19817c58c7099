package org.eforum.directory.person;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eforum.directory.settings.DirectorySettings;
import org.springframework.stereotype.Component;

/**
 * The public id of a person: an HMAC-SHA256 of their private key under a configured secret, cut to 128 bits.
 * Deterministic, so a rebuild from the log gives every person the id they had (links keep working); keyed, so
 * that, unlike a plain hash of the address (which is what erasure requests carry), nobody who knows an e-mail
 * address can compute the id and learn whether that person is in the directory.
 */
@Component
class PublicIds {

    private final SecretKeySpec key;

    PublicIds(DirectorySettings settings) {
        this.key = new SecretKeySpec(settings.publicIdSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String of(String emailKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("person:" + emailKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
