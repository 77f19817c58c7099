package org.eforum.platform.privacy;

import java.time.Duration;
import java.util.Optional;

import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.SealedPersonal;
import org.eforum.contracts.privacy.PersonKey;
import org.eforum.contracts.privacy.PersonalData;

/**
 * Opens the sealed personal part of a registration event at the edge of a consumer, so that its own code works
 * with cleartext. registration-service publishes a person's key before any event sealed with it, so once the
 * person-keys topic is read to its end a missing key (or only a newer one) means the person was erased.
 */
public final class PersonalDataReader {

    private final PersonKeyCache keys;
    private final Duration wait;

    PersonalDataReader(PersonKeyCache keys, Duration wait) {
        this.keys = keys;
        this.wait = wait;
    }

    /**
     * @return the event in cleartext; empty when its person was erased (nothing of it may be used)
     * @throws PersonKeyCache.KeysNotReadException when the key did not come and the keys could not be read to their end in time: retry
     * @throws org.eforum.contracts.privacy.PersonalCipher.TamperedException when the sealed part is not what its key
     *                                                                      sealed (not retryable: a dead letter)
     */
    public <E extends RegistrationEvent> Optional<E> open(E event) {
        SealedPersonal sealed = event.participant().personal();
        if (sealed == null) {
            return Optional.of(event); // written before the encryption
        }
        Optional<PersonKey> key = keys.find(sealed.personId()).filter(k -> k.keyId().equals(sealed.keyId()));
        if (key.isEmpty()) {
            key = keys.await(sealed.personId(), sealed.keyId(), wait); // the key may be on its way
        }
        return key.map(k -> PersonalData.open(event, k));
    }

    /** {@link #open(RegistrationEvent)} for an organiser's invitation, sealed with the invitee's key. */
    public Optional<OrganiserInvited> open(OrganiserInvited event) {
        SealedPersonal sealed = event.personal();
        if (sealed == null) {
            return Optional.of(event);
        }
        Optional<PersonKey> key = keys.find(sealed.personId()).filter(k -> k.keyId().equals(sealed.keyId()));
        if (key.isEmpty()) {
            key = keys.await(sealed.personId(), sealed.keyId(), wait);
        }
        return key.map(k -> PersonalData.open(event, k));
    }
}
