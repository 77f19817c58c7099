package org.eforum.registration.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.RegistrationWaitlisted;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.ConferenceService;
import org.eforum.registration.conference.Conferences;
import org.eforum.registration.outbox.OutboxEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Accepts registrations. The seat is taken first (an atomic guarded decrement on the conference), then the
 * registration and the event it owes are inserted in one write; a duplicate e-mail gives the seat back.
 * When {@link #register} returns, the registration is durable and its event will reach Kafka.
 */
@Service
public class RegistrationService {

    private final ConferenceService conferenceService;
    private final Conferences conferences;
    private final Registrations registrations;
    private final SelfServiceLinks links;
    private final Clock clock;

    public RegistrationService(ConferenceService conferenceService, Conferences conferences,
            Registrations registrations, SelfServiceLinks links, Clock clock) {
        this.conferenceService = conferenceService;
        this.conferences = conferences;
        this.registrations = registrations;
        this.links = links;
        this.clock = clock;
    }

    public Registration register(String conferenceId, RegistrationRequest request) {
        Conference conference = conferenceService.get(conferenceId);
        Instant now = clock.instant();
        if (conference.window().notYetOpen(now)) {
            throw RegistrationConflictException.notYetOpen(conference);
        }
        if (conference.window().closed(now)) {
            throw RegistrationConflictException.closed(conference);
        }
        // Cheap early answer for the common repeat; the unique index below settles races.
        registrations.findByEmail(conferenceId, request.email()).ifPresent(existing -> {
            throw RegistrationConflictException.duplicate(existing.id());
        });

        boolean seated = conferences.takeSeat(conferenceId);
        if (!seated) {
            conferences.joinWaitlist(conferenceId);
        }
        String id = UUID.randomUUID().toString();
        Participant participant = request.participant();
        RegistrationEvent event = seated
                ? new RegistrationConfirmed(UUID.randomUUID(), now, id, 1, participant, conference.snapshot(), links.linkFor(id))
                : new RegistrationWaitlisted(UUID.randomUUID(), now, id, 1, participant, conference.snapshot(), links.linkFor(id));
        Registration registration = new Registration(id, conferenceId, Registration.emailKey(participant.email()),
                participant, blankToNull(request.notes()), event.status(), 1, now, now, true, now,
                List.of(OutboxEntry.of(event)));
        try {
            registrations.insert(registration);
        } catch (DuplicateKeyException e) {
            if (seated) {
                conferences.releaseSeat(conferenceId);
            } else {
                conferences.leaveWaitlist(conferenceId);
            }
            String existingId = registrations.findByEmail(conferenceId, request.email()).map(Registration::id).orElse(null);
            throw RegistrationConflictException.duplicate(existingId);
        }
        return registration;
    }

    public List<Registration> ofConference(String conferenceId) {
        conferenceService.get(conferenceId);
        return registrations.ofConference(conferenceId);
    }

    /** The registration the token opens; absent for an unknown id or a wrong token alike, so ids cannot be probed. */
    public java.util.Optional<Registration> forParticipant(String id, String token) {
        if (!links.isValid(id, token)) {
            return java.util.Optional.empty();
        }
        return registrations.find(id);
    }

    public String selfServiceLink(Registration registration) {
        return links.linkFor(registration.id());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean isConfirmed(Registration registration) {
        return registration.status() == RegistrationStatus.CONFIRMED;
    }
}
