package org.eforum.contracts.privacy;

import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.eforum.contracts.event.PersonKeyIssued;

/**
 * One person's data key: 256 random bits for AES-GCM. Only registration-service makes them; it keeps each in its
 * store and publishes it on the person-keys topic, and deletes it when the person is erased.
 *
 * @param personId the {@link org.eforum.contracts.event.EmailHash} of the person's address
 * @param keyId    a UUID naming this key among the person's keys over time
 * @param material the key, Base64 (never logged: see {@link #toString()})
 */
public record PersonKey(String personId, String keyId, String material) {

    public static final int KEY_BITS = 256;

    public PersonKey {
        if (Base64.getDecoder().decode(material).length != KEY_BITS / 8) {
            throw new IllegalArgumentException("a person key has " + KEY_BITS + " bits");
        }
    }

    public static PersonKey generate(String personId) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BITS); // from the JDK's default SecureRandom
            return new PersonKey(personId, UUID.randomUUID().toString(),
                    Base64.getEncoder().encodeToString(generator.generateKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /** The key a person-keys record carries; a malformed one is an IllegalArgumentException. */
    public static PersonKey of(PersonKeyIssued issued) {
        return new PersonKey(issued.personId(), issued.keyId(), issued.key());
    }

    public PersonKeyIssued issued(Instant at) {
        return new PersonKeyIssued(UUID.randomUUID(), at, personId, keyId, material);
    }

    SecretKey secretKey() {
        return new SecretKeySpec(Base64.getDecoder().decode(material), "AES");
    }

    @Override
    public String toString() {
        return "PersonKey[personId=" + personId + ", keyId=" + keyId + ", material hidden]";
    }
}
