package org.eforum.directory.person;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.RegistrationDetailsChanged;
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

    /**
     * Returns whether the event changed anything; a duplicate, stale or erased event does not. A registration
     * belongs to the person its newest event names: when a details change moved it to a new address, it is
     * released by the person it belonged to, and an earlier event of it redelivered afterwards is stale.
     */
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
        List<Person> elsewhere = List.of();
        for (int attempt = 1; ; attempt++) {
            Person person = people.find(id).orElseGet(() -> Person.newcomer(id, publicIds.of(id)));
            boolean heldHere = person.participation(event.registrationId()).isPresent();
            // Only a registration new here, or a change of its address, can be held by someone else: the others
            // keep to the one read by id.
            elsewhere = heldHere && !Participation.confirmsAddress(event) ? List.of()
                    : people.holding(event.registrationId()).stream().filter(p -> !p.id().equals(id)).toList();
            if (!heldHere && elsewhere.stream().anyMatch(p -> p.participation(event.registrationId())
                    .map(held -> held.isAsNewAs(event)).orElse(false))) {
                log.debug("Event {} of registration {} is older than its move to another address", event.eventId(),
                        event.registrationId());
                return false;
            }
            organisationBefore = person.profile() == null ? null : person.profile().organisationId();
            if (!person.record(event, organisationId)) {
                log.debug("Event {} of registration {} is already applied or stale", event.eventId(),
                        event.registrationId());
                // A redelivery after a crash between the person's write and the listing's: finish the listing,
                // and a move to this address that the old address's person did not see yet.
                listings.reconcile(organisationBefore, person.publicId(), OrganisationListings.Member.of(person));
                release(elsewhere, event.registrationId(), person.participation(event.registrationId()).orElseThrow()
                        .sequence());
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
        // After the new holder's write: a crash in between leaves the registration with both for a moment, and the
        // redelivered event finishes the move (above), rather than with neither.
        release(elsewhere, event.registrationId(), event.sequence());
        // An erasure recorded while we wrote: it was recorded before its own pass over the people, so either that
        // pass saw our write, or we see the record now; erasing twice is harmless.
        erasures.erasedAt(emailHash).ifPresent(at -> erase(emailHash, at));
        return true;
    }

    /**
     * An event whose person was erased (its personal part cannot be opened) that changed the registration's address
     * (its {@code changedFields}, {@code registrationId} and {@code sequence} are not sealed): whoever still holds an
     * older state of the registration gives it up, as the move would have made them. Returns whether it was a move.
     */
    public boolean releaseMovedAway(RegistrationEvent sealed) {
        if (!(sealed instanceof RegistrationDetailsChanged changed) || !Participation.confirmsAddress(changed)) {
            return false;
        }
        release(people.holding(changed.registrationId()), changed.registrationId(), changed.sequence());
        return true;
    }

    /**
     * The registration moved (by its event of {@code sequence}) to another person: each of these people who still
     * holds an older state of it gives it up, and one left with nothing leaves the directory.
     */
    private void release(List<Person> holders, String registrationId, long sequence) {
        for (Person holder : holders) {
            for (int attempt = 1; ; attempt++) {
                Person person = attempt == 1 ? holder : people.find(holder.id()).orElse(null);
                if (person == null) {
                    break;
                }
                String organisationBefore = person.profile() == null ? null : person.profile().organisationId();
                if (!person.release(registrationId, sequence)) {
                    break;
                }
                try {
                    if (person.isEmpty()) {
                        if (!people.remove(person)) {
                            throw new OptimisticLockingFailureException("person changed while giving up "
                                    + registrationId);
                        }
                        listings.reconcile(organisationBefore, person.publicId(), null);
                        log.debug("Registration {} moved to another address: its old person is gone", registrationId);
                    } else {
                        people.save(person);
                        String organisationAfter = person.profile() == null ? null : person.profile().organisationId();
                        listings.reconcile(organisationAfter, person.publicId(), OrganisationListings.Member.of(person));
                        if (organisationBefore != null && !organisationBefore.equals(organisationAfter)) {
                            listings.reconcile(organisationBefore, person.publicId(), null);
                        }
                        log.debug("Registration {} moved to another address: released by its old person",
                                registrationId);
                    }
                    break;
                } catch (OptimisticLockingFailureException concurrentWrite) {
                    if (attempt == ATTEMPTS) {
                        throw concurrentWrite;
                    }
                }
            }
        }
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
