package org.eforum.directory.person;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationStatus;

/**
 * One registration of the person. {@code sequence} is the newest of the registration's events applied, so a
 * redelivered or overtaken event is recognised; {@code conferenceTitle} is the title the event carried, shown
 * when the conferences projection does not know the conference (yet). {@code addressConfirmed}: the participant
 * confirmed the address ({@link RegistrationAddressConfirmed}; it stays so for the registration's later events,
 * which come in order on its key), and only then does this registration count for anything public: its consents,
 * its profile, its seat among the conferences shown. {@code details} is who the registration says the person is,
 * as of its newest event, with the consents as given (absent on documents written before confirmation existed).
 */
public record Participation(
        String registrationId,
        String conferenceId,
        Map<String, String> conferenceTitle,
        RegistrationStatus status,
        long sequence,
        String eventId,
        Instant occurredAt,
        boolean addressConfirmed,
        Profile details) {

    public Participation {
        // sorted by language, so the same title always serialises the same way (a rebuild compares equal)
        conferenceTitle = conferenceTitle == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(conferenceTitle));
    }

    /** The registration as of the event; {@code confirmedBefore}: its address was confirmed by an earlier event. */
    static Participation of(RegistrationEvent event, String organisationId, boolean confirmedBefore) {
        return new Participation(event.registrationId(), event.conference().id(), event.conference().title(),
                event.status(), event.sequence(), event.eventId().toString(), Profile.storedInstant(event),
                confirmedBefore || event instanceof RegistrationAddressConfirmed, Profile.of(event, organisationId));
    }

    /** Whether the event has already been applied here, or something newer has. */
    boolean isAsNewAs(RegistrationEvent event) {
        return sequence >= event.sequence();
    }

    /** A seat the public may see: confirmed, and the address too (else anyone could add a conference to a person). */
    public boolean attended() {
        return status == RegistrationStatus.CONFIRMED && addressConfirmed;
    }
}
