package org.eforum.registration.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationLinkResent;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.RegistrationSubmitted;
import org.eforum.contracts.event.RegistrationWaitlisted;
import org.eforum.registration.RegistrationSettings;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.ConferenceService;
import org.eforum.registration.conference.Conferences;
import org.eforum.registration.legal.PrivacyNotice;
import org.eforum.registration.outbox.OutboxEntry;
import org.eforum.registration.outbox.OutboxEntryFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Accepts and cancels registrations. Each step is one single-document atomic write; the order of the steps is
 * chosen so that a crash between two of them can only leave a seat unused, never a conference overbooked, and
 * {@link SeatCountReconciler} puts the counters right afterwards.
 *
 * <p>Registering: the seat is taken first (an atomic guarded decrement on the conference), then the registration
 * and the event it owes are inserted in one write; a duplicate e-mail gives the seat back and answers like any
 * repeat (see {@link #repeat}). When {@link #register}
 * returns, the registration is durable and its event will reach Kafka.
 *
 * <p>Cancelling (by the participant or an organiser for them): the registration becomes CANCELLED together with its
 * event and its line of history, then {@link #giveBackPlace} frees its seat (and gives it to the waiting list) or
 * counts its place on the waiting list off, as after an erasure or a duplicate's insert. An organiser's promotion
 * out of order and resent mail are single guarded writes too, each with its line of history.
 */
@Service
public class RegistrationService {

    /** A registration changes state at most twice (promoted, cancelled): a few re-reads settle any race. */
    private static final int CANCEL_ATTEMPTS = 5;

    private final ConferenceService conferenceService;
    private final Conferences conferences;
    private final Registrations registrations;
    private final WaitlistPromotion waitlist;
    private final SelfServiceLinkSigner links;
    private final Clock clock;
    private final OutboxEntryFactory outboxEntryFactory;
    private final PrivacyNotice privacyNotice;
    private final RegistrationSettings settings;

    public RegistrationService(ConferenceService conferenceService, Conferences conferences,
            Registrations registrations, WaitlistPromotion waitlist, SelfServiceLinkSigner links, Clock clock,
            OutboxEntryFactory outboxEntryFactory, PrivacyNotice privacyNotice, RegistrationSettings settings) {
        this.conferenceService = conferenceService;
        this.conferences = conferences;
        this.registrations = registrations;
        this.waitlist = waitlist;
        this.links = links;
        this.clock = clock;
        this.outboxEntryFactory = outboxEntryFactory;
        this.privacyNotice = privacyNotice;
        this.settings = settings;
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
        Optional<Registration> repeated = registrations.findByEmail(conferenceId, request.email());
        if (repeated.isPresent()) {
            throw repeat(conference, repeated.get(), now);
        }

        // Before a seat is taken: a refused answer changes nothing.
        Map<String, Object> answers = Answers.checked(conference, request.stakeholderType(), request.answers());
        if (conference.isModerated()) {
            return submitPending(conference, request, answers, now);
        }
        boolean seated = conferences.takeSeatUnlessOthersWait(conferenceId);
        if (!seated) {
            conferences.joinWaitlist(conferenceId);
        }
        // A crash here leaves a seat (or a waiting-list place) counted for nobody: the reconciler gives it back.
        String id = UUID.randomUUID().toString();
        Participant participant = request.participant(answers);
        RegistrationEvent event = seated
                ? new RegistrationConfirmed(UUID.randomUUID(), now, id, 1, participant, conference.snapshot(), links.linkFor(id))
                : new RegistrationWaitlisted(UUID.randomUUID(), now, id, 1, participant, conference.snapshot(), links.linkFor(id));
        Registration registration = Registration.submit(conferenceId, participant, blankToNull(request.notes()),
                event, outboxEntryFactory.of(event), privacyNotice.consentGiven(participant.language(), now));
        try {
            registrations.insert(registration);
        } catch (DuplicateKeyException e) {
            // the seat it held may be someone's who waits meanwhile
            giveBackPlace(conferenceId, event.status());
            Optional<Registration> existing = registrations.findByEmail(conferenceId, request.email());
            throw existing.isPresent() ? repeat(conference, existing.get(), now)
                    : RegistrationConflictException.duplicate();
        }
        if (!seated && waitlist.fillFreeSeats(conferenceId).contains(id)) {
            // A seat was freed between our look at the counter and our insert, and we were first in line.
            return registrations.find(id).orElse(registration);
        }
        return registration;
    }

    /**
     * A repeat of a registered address: whoever submitted learns nothing about the registration (no id, status or
     * link in the answer); its owner gets their link by mail again, at most once per link-resend interval. The mark
     * and the event asking for the mail are one guarded write, so two repeats at once still send one mail.
     */
    private RegistrationConflictException repeat(Conference conference, Registration existing, Instant now) {
        Registration current = existing;
        // As many re-reads as a cancel gets: a registration changes state at most twice.
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS && current != null && !current.isErased(); attempt++) {
            if (current.linkResentWithin(settings.linkResendInterval(), now)) {
                break;
            }
            RegistrationLinkResent event = current.resendLink(conference.snapshot(), links.linkFor(current.id()), now);
            if (registrations.recordLinkResent(current, event, settings.linkResendInterval())) {
                break;
            }
            current = registrations.find(current.id()).orElse(null); // changed meanwhile: decide again
        }
        return RegistrationConflictException.duplicate();
    }

    /**
     * Cancels the registration the token opens. A confirmed one frees its seat for the waiting list.
     *
     * @throws RegistrationNotFoundException for an unknown id or a wrong token alike
     * @throws RegistrationConflictException when it is cancelled already
     */
    public Registration cancel(String id, String token) {
        if (!links.isValid(id, token)) {
            throw new RegistrationNotFoundException();
        }
        if (registrations.find(id).map(Registration::isErased).orElse(true)) {
            throw new RegistrationNotFoundException();
        }
        return cancel(id, Actor.participant());
    }

    /**
     * An organiser cancels on the participant's behalf, as the participant's link would: a freed seat goes to the
     * first on the waiting list. The caller has checked that {@code by} organises the conference.
     *
     * @throws RegistrationNotFoundException when the conference has no such registration (or it is erased)
     * @throws RegistrationConflictException when it is cancelled already
     */
    public Registration cancelFor(String conferenceId, String id, Actor by) {
        ofConference(conferenceId, id);
        return cancel(id, by);
    }

    private Registration cancel(String id, Actor by) {
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Registration current = registrations.find(id).orElseThrow(RegistrationNotFoundException::new);
            if (current.isCancelled()) {
                throw RegistrationConflictException.alreadyCancelled(id);
            }
            if (current.isDeclined()) {
                throw RegistrationConflictException.declined(id);
            }
            Conference conference = conferenceService.get(current.conferenceId());
            Optional<Registration> cancelled = registrations.apply(
                    current.cancel(conference.snapshot(), links.linkFor(id), clock.instant(), by));
            if (cancelled.isEmpty()) {
                continue; // promoted (or cancelled) meanwhile: read again and decide again
            }
            // The cancellation and its event are stored. A crash before the counter update below leaves the seat
            // (or waiting-list place) counted as taken until the reconciler's next round.
            giveBackPlace(current.conferenceId(), current.status());
            return cancelled.get();
        }
        throw RegistrationConflictException.busy(id);
    }

    /**
     * An organiser gives a free seat to a waitlisted registration out of the waiting list's order. Only a seat that
     * is free may be given (as pretix and Indico do, the capacity is never exceeded): with none, a 409 says so. The
     * participant is mailed as for any promotion ({@code RegistrationPromoted}).
     *
     * @throws RegistrationNotFoundException when the conference has no such registration (or it is erased)
     * @throws RegistrationConflictException when it is not waitlisted, or no seat is free
     */
    public Registration promoteOutOfOrder(String conferenceId, String id, Actor by) {
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Registration current = ofConference(conferenceId, id);
            if (!current.isWaitlisted()) {
                throw RegistrationConflictException.notWaitlisted(id, current.status());
            }
            Optional<Conference> seat = conferences.takeSeat(conferenceId);
            if (seat.isEmpty()) {
                throw RegistrationConflictException.noSeatFree(id);
            }
            Optional<Registration> promoted = registrations.apply(
                    current.promote(seat.get().snapshot(), links.linkFor(id), clock.instant(), by));
            if (promoted.isPresent()) {
                conferences.leaveWaitlist(conferenceId);
                return promoted.get();
            }
            // Changed meanwhile (promoted or cancelled): the seat goes back to whoever waits, and we decide again.
            conferences.releaseSeat(conferenceId);
            waitlist.fillFreeSeats(conferenceId);
        }
        throw RegistrationConflictException.busy(id);
    }

    /**
     * An organiser has the participant's mail of the current status (confirmed, waitlisted or cancelled) sent again:
     * one more mail per call, through the outbox like every event.
     *
     * @throws RegistrationNotFoundException when the conference has no such registration (or it is erased)
     */
    public Registration resendMail(String conferenceId, String id, Actor by) {
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Registration current = ofConference(conferenceId, id);
            Conference conference = conferenceService.get(conferenceId);
            Optional<Registration> resent = registrations.recordMailResent(current,
                    current.resendMail(conference.snapshot(), links.linkFor(id), clock.instant()), by);
            if (resent.isPresent()) {
                return resent.get();
            }
        }
        throw RegistrationConflictException.busy(id);
    }

    /**
     * The conference's registration as its organisers see it; an erased one is no one's any more.
     *
     * @throws RegistrationNotFoundException when there is none (or it is another conference's, or erased)
     */
    public Registration ofConference(String conferenceId, String id) {
        return registrations.find(id).filter(r -> r.conferenceId().equals(conferenceId) && !r.isErased())
                .orElseThrow(RegistrationNotFoundException::inConference);
    }

    /**
     * Confirms that the participant owns the registration's address: the token came with the mail to it. Only then
     * do its consents to be listed and to join the experts' network take effect. Confirming again changes nothing
     * and answers the same; the seat (or the place in line) stays as it is.
     *
     * @throws RegistrationNotFoundException for an unknown id or a wrong token alike
     * @throws RegistrationConflictException when it is cancelled
     */
    public Registration confirmAddress(String id, String token) {
        if (!links.isValid(id, token)) {
            throw new RegistrationNotFoundException();
        }
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Registration current = registrations.find(id).filter(r -> !r.isErased())
                    .orElseThrow(RegistrationNotFoundException::new);
            if (current.isCancelled()) {
                throw RegistrationConflictException.cancelledCannotBeConfirmed(id);
            }
            if (current.isDeclined()) {
                throw RegistrationConflictException.declined(id);
            }
            if (current.isAddressConfirmed()) {
                return current;
            }
            Conference conference = conferenceService.get(current.conferenceId());
            Optional<Registration> confirmed = registrations.confirmAddress(
                    current.confirmAddress(conference.snapshot(), links.linkFor(id), clock.instant()));
            if (confirmed.isPresent()) {
                return confirmed.get();
            }
            // promoted, cancelled or confirmed meanwhile: read again and decide again
        }
        throw RegistrationConflictException.busy(id);
    }

    /**
     * Erases every registration of an address: each one is cancelled and anonymised in one write, and the seat it
     * held goes to the waiting list like any cancellation's.
     *
     * @return how many registrations were erased
     */
    public int erase(String email, String emailHash, String requestedBy) {
        int erased = 0;
        for (Registration registration : registrations.withEmail(email)) {
            for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
                Registration current = registrations.find(registration.id()).orElse(null);
                if (current == null || current.isErased()) {
                    break;
                }
                if (registrations.erase(current, emailHash, requestedBy, clock.instant()).isPresent()) {
                    erased++;
                    giveBackPlace(current.conferenceId(), current.status());
                    break;
                }
            }
        }
        return erased;
    }

    /**
     * A submit to a moderated conference: the registration waits, PENDING, for the organisers, and takes no seat
     * and no place on the waiting list ({@code RegistrationSubmitted}). A duplicate answers as any repeat.
     */
    private Registration submitPending(Conference conference, RegistrationRequest request,
            Map<String, Object> answers, Instant now) {
        String id = UUID.randomUUID().toString();
        Participant participant = request.participant(answers);
        RegistrationEvent event = new RegistrationSubmitted(UUID.randomUUID(), now, id, 1, participant,
                conference.snapshot(), links.linkFor(id));
        Registration registration = Registration.submit(conference.id(), participant, blankToNull(request.notes()),
                event, outboxEntryFactory.of(event), privacyNotice.consentGiven(participant.language(), now));
        try {
            registrations.insert(registration);
        } catch (DuplicateKeyException e) {
            Optional<Registration> existing = registrations.findByEmail(conference.id(), request.email());
            throw existing.isPresent() ? repeat(conference, existing.get(), now)
                    : RegistrationConflictException.duplicate();
        }
        return registration;
    }

    /**
     * An organiser approves a pending registration. It takes a seat through the same guarded claim as a submit (a
     * free seat, and nobody waiting for it), else joins the end of the waiting list (after everyone on it, whenever
     * they registered: {@link Registrations#oldestWaitlisted}); {@code RegistrationApproved}
     * carries which, and the organiser's optional message. The seat is taken before the registration changes, so a
     * crash in between under-uses the conference and the reconciler gives the seat back.
     *
     * @throws RegistrationNotFoundException when the conference has no such registration (or it is erased)
     * @throws RegistrationConflictException when it is not pending
     */
    public Registration approve(String conferenceId, String id, Actor by, String message) {
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Registration current = ofConference(conferenceId, id);
            if (!current.isPending()) {
                throw RegistrationConflictException.notPending(id, current.status());
            }
            boolean seated = conferences.takeSeatUnlessOthersWait(conferenceId);
            if (!seated) {
                conferences.joinWaitlist(conferenceId);
            }
            RegistrationStatus to = seated ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
            Conference conference = conferenceService.get(conferenceId);
            Optional<Registration> approved = registrations.applyApproval(current.approve(conference.snapshot(),
                    links.linkFor(id), clock.instant(), by, to, words(message)));
            if (approved.isEmpty()) {
                // Cancelled, approved or declined meanwhile: the place goes back, and we decide again.
                giveBackPlace(conferenceId, to);
                continue;
            }
            if (!seated && waitlist.fillFreeSeats(conferenceId).contains(id)) {
                // A seat was freed between our look at the counter and our write, and we were first in line.
                return registrations.find(id).orElse(approved.get());
            }
            return approved.get();
        }
        throw RegistrationConflictException.busy(id);
    }

    /**
     * An organiser declines a pending registration ({@code RegistrationDeclined}, with the optional message): final;
     * it held nothing, so nothing is given back.
     *
     * @throws RegistrationNotFoundException when the conference has no such registration (or it is erased)
     * @throws RegistrationConflictException when it is not pending
     */
    public Registration decline(String conferenceId, String id, Actor by, String message) {
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Registration current = ofConference(conferenceId, id);
            if (!current.isPending()) {
                throw RegistrationConflictException.notPending(id, current.status());
            }
            Conference conference = conferenceService.get(conferenceId);
            Optional<Registration> declined = registrations.apply(current.decline(conference.snapshot(),
                    links.linkFor(id), clock.instant(), by, words(message)));
            if (declined.isPresent()) {
                return declined.get();
            }
        }
        throw RegistrationConflictException.busy(id);
    }

    /**
     * Approves or declines many registrations of one conference, in the order given, each on its own (its own write
     * and event, as one at a time would). Each participant gets the message in their language, else in the other
     * one given. What cannot be approved or declined is skipped with the reason, and the others go on.
     */
    public Moderated moderate(String conferenceId, List<String> ids, boolean approve, Map<String, String> message,
            Actor by) {
        conferenceService.get(conferenceId);
        List<Registration> done = new java.util.ArrayList<>();
        List<Moderated.Skipped> skipped = new java.util.ArrayList<>();
        for (String id : ids) {
            try {
                Registration current = ofConference(conferenceId, id);
                String words = Moderated.messageFor(message, current.participant().language());
                done.add(approve ? approve(conferenceId, id, by, words) : decline(conferenceId, id, by, words));
            } catch (RegistrationNotFoundException unknown) {
                skipped.add(new Moderated.Skipped(id, Moderated.UNKNOWN));
            } catch (RegistrationConflictException refused) {
                skipped.add(new Moderated.Skipped(id, refused.kind() == RegistrationConflictException.Kind.NOT_PENDING
                        ? Moderated.NOT_PENDING : Moderated.BUSY));
            }
        }
        return new Moderated(done, skipped);
    }

    /** The conference the registrations belong to (404 when there is none). */
    public Conference conferenceOf(String conferenceId) {
        return conferenceService.get(conferenceId);
    }

    public List<Registration> ofConference(String conferenceId) {
        conferenceService.get(conferenceId);
        return registrations.ofConference(conferenceId);
    }

    /** The registration the token opens; absent for an unknown id or a wrong token alike, so ids cannot be probed. */
    public Optional<Registration> forParticipant(String id, String token) {
        if (!links.isValid(id, token)) {
            return Optional.empty();
        }
        return registrations.find(id).filter(registration -> !registration.isErased());
    }

    public String selfServiceLink(Registration registration) {
        return links.linkFor(registration.id());
    }

    /**
     * What a registration that held {@code status} leaves behind: a confirmed one frees its seat, which goes to the
     * waiting list at once; a waitlisted one leaves the waiting list; a cancelled, pending or declined one held
     * nothing.
     */
    private void giveBackPlace(String conferenceId, RegistrationStatus status) {
        switch (status) {
            case CONFIRMED -> {
                conferences.releaseSeat(conferenceId);
                waitlist.fillFreeSeats(conferenceId);
            }
            case WAITLISTED -> conferences.leaveWaitlist(conferenceId);
            case CANCELLED, PENDING, DECLINED -> {
                // nothing held: a pending or declined registration never had a seat or a place in line
            }
        }
    }

    /** An organiser's message as the participant reads it: absent when blank, a form's CR LF as line breaks. */
    private static String words(String message) {
        String text = blankToNull(message);
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
