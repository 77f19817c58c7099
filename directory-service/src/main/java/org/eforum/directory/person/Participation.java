package org.eforum.directory.person;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationDetailsChanged;
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
 * {@code unapproved}: a registration of a moderated conference the organisers have not approved — PENDING, DECLINED,
 * or withdrawn while PENDING. Like an unconfirmed address it counts for nothing public, confirmed address or not
 * ({@link #counts}); organisers still see it. False on documents written before moderation existed (all approved).
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
        Profile details,
        boolean unapproved) {

    public Participation {
        // sorted by language, so the same title always serialises the same way (a rebuild compares equal)
        conferenceTitle = conferenceTitle == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(conferenceTitle));
    }

    /** The registration as of the event; {@code confirmedBefore}: its address was confirmed by an earlier event. */
    static Participation of(RegistrationEvent event, String organisationId, boolean confirmedBefore) {
        return new Participation(event.registrationId(), event.conference().id(), event.conference().title(),
                event.status(), event.sequence(), event.eventId().toString(), Profile.storedInstant(event),
                confirmedBefore || confirmsAddress(event), Profile.of(event, organisationId), isUnapproved(event));
    }

    /**
     * Whether the event proves the participant's address: its confirmation, or a details change of the address
     * (the new address was confirmed through the link mailed to it before the event was written).
     */
    static boolean confirmsAddress(RegistrationEvent event) {
        return event instanceof RegistrationAddressConfirmed
                || event instanceof RegistrationDetailsChanged changed && changed.changedFields().contains("email");
    }

    /**
     * Whether, after the event, the registration is one the organisers have not approved: submitted and waiting,
     * declined, or withdrawn while waiting. Decided by the event alone: declined and cancelled are final.
     */
    public static boolean isUnapproved(RegistrationEvent event) {
        if (event.status() == null) {
            return false;
        }
        return switch (event.status()) {
            case PENDING, DECLINED -> true;
            case CANCELLED -> event instanceof RegistrationCancelled cancelled
                    && (cancelled.previousStatus() == RegistrationStatus.PENDING
                            || cancelled.previousStatus() == RegistrationStatus.DECLINED);
            case CONFIRMED, WAITLISTED -> false;
        };
    }

    /** Whether the event has already been applied here, or something newer has. */
    boolean isAsNewAs(RegistrationEvent event) {
        return sequence >= event.sequence();
    }

    /**
     * Whether the registration counts for anything public (its consents, its profile, its seat): its address is
     * confirmed (else anyone could list a person, or add a conference to them) and the organisers did not withhold
     * their approval.
     */
    public boolean counts() {
        return addressConfirmed && !unapproved;
    }

    /** A seat the public may see: confirmed, and counting ({@link #counts}). */
    public boolean attended() {
        return status == RegistrationStatus.CONFIRMED && counts();
    }
}
