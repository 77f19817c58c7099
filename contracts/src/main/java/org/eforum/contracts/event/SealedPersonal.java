package org.eforum.contracts.event;

/**
 * The personal fields of one event, encrypted: AES-256-GCM under the person's key {@code keyId}, with a random
 * 96-bit {@code iv}; {@code ciphertext} ends with GCM's 128-bit tag. {@code iv} and {@code ciphertext} are
 * Base64. The associated data binds it to its event (see {@code org.eforum.contracts.privacy.PersonalData}), so it cannot be moved to another.
 *
 * @param personId the {@link EmailHash} of the person's address: the key of their key on the person-keys topic
 * @param keyId    which of the person's keys (a new one after an erasure), a UUID
 */
public record SealedPersonal(String personId, String keyId, String iv, String ciphertext) {
}
