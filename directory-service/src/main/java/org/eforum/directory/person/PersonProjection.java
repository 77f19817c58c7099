package org.eforum.directory.person;

import org.eforum.contracts.event.RegistrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Applies registration events to people. Read, apply, compare-and-set: two consumers writing the same person
 * at once (a person's registrations may sit on different partitions) cannot lose each other's change; the
 * loser reads again and re-applies.
 */
@Service
public class PersonProjection {

    private static final Logger log = LoggerFactory.getLogger(PersonProjection.class);
    private static final int ATTEMPTS = 5;

    private final People people;

    PersonProjection(People people) {
        this.people = people;
    }

    /** Returns whether the event changed anything; a duplicate or stale event does not. */
    public boolean apply(RegistrationEvent event, String organisationId) {
        String id = Person.idOf(event);
        for (int attempt = 1; ; attempt++) {
            Person person = people.find(id).orElseGet(() -> Person.newcomer(id));
            if (!person.record(event, organisationId)) {
                log.debug("Event {} of registration {} is already applied or stale", event.eventId(),
                        event.registrationId());
                return false;
            }
            try {
                people.save(person);
                return true;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentWrite) {
                if (attempt == ATTEMPTS) {
                    throw concurrentWrite; // the container's error handler retries with backoff
                }
            }
        }
    }
}
