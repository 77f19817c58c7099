package org.eforum.registration.registration;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.Conferences;
import org.eforum.platform.lease.Lease;
import org.eforum.platform.lease.Leases;
import org.eforum.registration.RegistrationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Heals the seat counters after a crash. Without transactions, the conference's counters ({@code seatsLeft},
 * {@code waitlistLength}) and the registrations are separate documents, updated one after the other; a process
 * that dies between the two steps leaves a counter off by one. The steps are ordered so that this can only
 * under-use the conference (a seat counted as taken by nobody, a waiting list counted too long), never overbook it.
 *
 * <p>Each round recounts every conference from its registrations. A counter that differs may also just belong to
 * an operation in flight (seat taken, registration not yet inserted), so a difference is corrected only when the
 * next round, a whole interval later, sees exactly the same conference (same version, same counters) and the same
 * recount; the correction itself is guarded by those values. Then the waiting list gets whatever seats are free.
 *
 * <p>Remaining gap: an operation stalled between its two steps for longer than a whole interval with nothing
 * else changing the conference would be mistaken for a crash; the correction would then overbook by one when it
 * resumes. Requests time out long before a minute, so this needs a frozen process, not a slow one.
 */
@Component
public class SeatCountReconciler {

    private static final Logger log = LoggerFactory.getLogger(SeatCountReconciler.class);

    private final Conferences conferences;
    private final Registrations registrations;
    private final WaitlistPromotion waitlist;
    /** Differences seen in the previous round, by conference id. */
    private final Map<String, Observation> suspects = new ConcurrentHashMap<>();

    private final Lease lease;
    private final Duration interval;

    SeatCountReconciler(Conferences conferences, Registrations registrations, WaitlistPromotion waitlist,
            Leases leases, RegistrationSettings settings) {
        this.conferences = conferences;
        this.registrations = registrations;
        this.waitlist = waitlist;
        this.interval = settings.reconcileInterval();
        // Held across rounds, so the instance that saw a difference is the one that sees it again a round later.
        this.lease = leases.lease("seat-reconciler", interval.multipliedBy(3));
    }

    /** What one round saw of one conference: its state and what the registrations say the counters should be. */
    record Observation(long version, int seatsLeft, int waitlistLength, int expectedSeatsLeft, int expectedWaitlist) {

        boolean consistent() {
            return seatsLeft == expectedSeatsLeft && waitlistLength == expectedWaitlist;
        }
    }

    @Scheduled(fixedDelayString = "${eforum.registration.reconcile-interval:1m}",
            initialDelayString = "${eforum.registration.reconcile-interval:1m}")
    public void reconcileAll() {
        if (!lease.holdFor(interval)) {
            return; // another instance reconciles (its corrections are guarded anyway; this saves the work)
        }
        for (Conference conference : conferences.findAll()) {
            try {
                reconcile(conference);
            } catch (RuntimeException e) {
                log.warn("Seat counters of {} not reconciled in this round: {}", conference.id(), e.toString());
            }
        }
    }

    /** @return true when this round corrected the conference's counters */
    boolean reconcile(Conference conference) {
        Observation now = observe(conference);
        boolean corrected = false;
        if (now.consistent()) {
            suspects.remove(conference.id());
        } else if (now.equals(suspects.get(conference.id()))) {
            corrected = conferences.correctCounters(conference, now.expectedSeatsLeft(), now.expectedWaitlist());
            if (corrected) {
                log.warn("Seat counters of {} corrected from {} seats left / {} waiting to {} / {}", conference.id(),
                        now.seatsLeft(), now.waitlistLength(), now.expectedSeatsLeft(), now.expectedWaitlist());
            }
            suspects.remove(conference.id());
        } else {
            suspects.put(conference.id(), now);
        }
        waitlist.fillFreeSeats(conference.id());
        return corrected;
    }

    private Observation observe(Conference conference) {
        long confirmed = registrations.count(conference.id(), RegistrationStatus.CONFIRMED);
        long waiting = registrations.count(conference.id(), RegistrationStatus.WAITLISTED);
        return new Observation(conference.version(), conference.seatsLeft(), conference.waitlistLength(),
                (int) (conference.capacity() - confirmed), (int) waiting);
    }
}
