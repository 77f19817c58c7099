package org.eforum.directory.person;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationStatus;

/**
 * One registration of the person. {@code sequence} is the newest of the registration's events applied, so a
 * redelivered or overtaken event is recognised; {@code conferenceTitle} is the title the event carried, shown
 * when the conferences projection does not know the conference (yet).
 */
public record Participation(
        String registrationId,
        String conferenceId,
        Map<String, String> conferenceTitle,
        RegistrationStatus status,
        long sequence,
        String eventId,
        Instant occurredAt) {

    public Participation {
        // sorted by language, so the same title always serialises the same way (a rebuild compares equal)
        conferenceTitle = conferenceTitle == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(conferenceTitle));
    }

    static Participation of(RegistrationEvent event) {
        return new Participation(event.registrationId(), event.conference().id(), event.conference().title(),
                event.status(), event.sequence(), event.eventId().toString(), Profile.storedInstant(event));
    }

    /** Whether the event has already been applied here, or something newer has. */
    boolean isAsNewAs(RegistrationEvent event) {
        return sequence >= event.sequence();
    }

    public boolean attended() {
        return status == RegistrationStatus.CONFIRMED;
    }
}
