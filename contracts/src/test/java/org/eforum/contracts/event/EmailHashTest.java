package org.eforum.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The person id: one per address whatever its spelling, unknown without the secret, not a plain hash. */
class EmailHashTest {

    private final EmailHash hash = new EmailHash("email-hash-test-address-key-0123456789abcdef");

    @Test
    void everySpellingOfOneAddressGivesTheSameId() {
        assertThat(hash.hash("  Ana.Petrova@Example.ORG ")).isEqualTo(hash.hash("ana.petrova@example.org"))
                .matches("[0-9a-f]{64}");
        assertThat(hash.hash("boris@example.org")).isNotEqualTo(hash.hash("ana.petrova@example.org"));
    }

    @Test
    void itIsKeyedSoAListOfAddressesDoesNotReverseIt() throws Exception {
        String plainSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("ana.petrova@example.org".getBytes(StandardCharsets.UTF_8)));

        assertThat(hash.hash("ana.petrova@example.org")).isNotEqualTo(plainSha256)
                .isNotEqualTo(new EmailHash("another-deployments-address-key-0123456789").hash("ana.petrova@example.org"));
        // HMAC-SHA256 as RFC 4231 defines it: the JDK's, not a home-made one
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("email-hash-test-address-key-0123456789abcdef"
                .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(hash.hash("Ana.Petrova@example.org")).isEqualTo(HexFormat.of().formatHex(
                mac.doFinal("ana.petrova@example.org".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aShortSecretIsRefusedAndTheKeyIsNeverPrinted() {
        assertThatThrownBy(() -> new EmailHash("too-short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(hash.toString()).doesNotContain("email-hash-test");
    }
}
