package org.eforum.contracts.privacy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.eforum.contracts.event.SealedPersonal;

/**
 * AES-256-GCM from the JDK (javax.crypto): authenticated encryption, so a changed byte, a wrong key or other
 * associated data is refused rather than decrypted to garbage. A fresh random 96-bit IV per encryption: with one
 * key per person, far fewer than the 2^32 messages a key may take under random IVs are ever sealed with one key.
 */
public final class PersonalCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalCipher() {
    }

    public static SealedPersonal seal(PersonKey key, byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return new SealedPersonal(key.personId(), key.keyId(), Base64.getEncoder().encodeToString(iv),
                    Base64.getEncoder().encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /**
     * @throws TamperedException when the ciphertext, the IV or the associated data were changed, or the key is not
     *                           the one it was sealed with
     */
    public static byte[] open(PersonKey key, SealedPersonal sealed, byte[] associatedData) {
        if (!key.personId().equals(sealed.personId()) || !key.keyId().equals(sealed.keyId())) {
            throw new TamperedException("sealed with key " + sealed.keyId() + " of another person or generation");
        }
        try {
            byte[] iv = Base64.getDecoder().decode(sealed.iv());
            if (iv.length != IV_BYTES) {
                throw new TamperedException("the IV is not " + IV_BYTES + " bytes");
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext()));
        } catch (AEADBadTagException e) {
            throw new TamperedException("the authentication tag does not match: changed, or another key");
        } catch (IllegalArgumentException e) {
            throw new TamperedException("the IV or ciphertext is not Base64");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /** Sealed data that does not open with its key: changed on the way, or not what it claims to be (never retried). */
    public static final class TamperedException extends IllegalArgumentException {

        public TamperedException(String message) {
            super(message);
        }
    }
}
