package org.eforum.directory.person;

import java.time.Instant;
import java.util.Optional;

import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.directory.erasure.Erasures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Applies registration events and erasures to people. Read, apply, compare-and-set: two consumers writing the
 * same person at once (a person's registrations may sit on different partitions, an erasure on a third topic)
 * cannot lose each other's change; the loser reads again and re-applies.
 */
@Service
public class PersonProjection {

    private static final Logger log = LoggerFactory.getLogger(PersonProjection.class);
    private static final int ATTEMPTS = 5;

    private final People people;
    private final PublicIds publicIds;
    private final Erasures erasures;
    private final OrganisationListings listings;

    PersonProjection(People people, PublicIds publicIds, Erasures erasures, OrganisationListings listings) {
        this.people = people;
        this.publicIds = publicIds;
        this.erasures = erasures;
        this.listings = listings;
    }

    /** Whether the event belongs to an erased person's past (see {@link org.eforum.directory.erasure.Erasure}). */
    public boolean isErased(RegistrationEvent event) {
        return Person.isCovered(event, erasures.erasedAt(EmailHash.of(event.participant().email())).orElse(null));
    }

    /** Returns whether the event changed anything; a duplicate, stale or erased event does not. */
    public boolean apply(RegistrationEvent event, String organisationId) {
        String id = Person.idOf(event);
        String emailHash = EmailHash.of(id);
        if (isErased(event)) {
            log.debug("Event {} of registration {} is covered by an erasure", event.eventId(), event.registrationId());
            return false;
        }
        String organisationBefore = null;
        String organisationAfter;
        Person saved;
        for (int attempt = 1; ; attempt++) {
            Person person = people.find(id).orElseGet(() -> Person.newcomer(id, publicIds.of(id)));
            organisationBefore = person.profile() == null ? null : person.profile().organisationId();
            if (!person.record(event, organisationId)) {
                log.debug("Event {} of registration {} is already applied or stale", event.eventId(),
                        event.registrationId());
                // A redelivery after a crash between the person's write and the listing's: finish the listing.
                listings.reconcile(organisationBefore, person.publicId(), OrganisationListings.Member.of(person));
                return false;
            }
            try {
                people.save(person);
                organisationAfter = person.profile().organisationId();
                saved = person;
                break;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentWrite) {
                if (attempt == ATTEMPTS) {
                    throw concurrentWrite; // the container's error handler retries with backoff
                }
            }
        }
        // After the person's write, so a recomputation from the people that runs meanwhile sees it too.
        listings.reconcile(organisationAfter, saved.publicId(), OrganisationListings.Member.of(saved));
        if (organisationBefore != null && !organisationBefore.equals(organisationAfter)) {
            listings.reconcile(organisationBefore, saved.publicId(), null);
        }
        // An erasure recorded while we wrote: it was recorded before its own pass over the people, so either that
        // pass saw our write, or we see the record now; erasing twice is harmless.
        erasures.erasedAt(emailHash).ifPresent(at -> erase(emailHash, at));
        return true;
    }

    /**
     * Removes what the erasure covers from the person with this e-mail hash: the whole document, or (when they
     * registered again after the erasure) the participations and profile from before it. Returns whether a
     * person was changed or removed.
     */
    public boolean erase(String emailHash, Instant erasedAt) {
        for (int attempt = 1; ; attempt++) {
            Optional<Person> found = people.findByEmailHash(emailHash);
            if (found.isEmpty()) {
                return false;
            }
            Person person = found.get();
            int before = person.participations().size();
            String organisationId = person.profile() == null ? null : person.profile().organisationId();
            boolean keep = person.eraseUpTo(erasedAt);
            try {
                if (!keep) {
                    if (people.remove(person)) {
                        listings.recompute(organisationId);
                        return true;
                    }
                    throw new OptimisticLockingFailureException("person changed while being erased");
                }
                if (person.participations().size() == before) {
                    return false;
                }
                people.save(person);
                listings.recompute(organisationId);
                return true;
            } catch (OptimisticLockingFailureException concurrentWrite) {
                if (attempt == ATTEMPTS) {
                    throw concurrentWrite;
                }
            }
        }
    }
}
