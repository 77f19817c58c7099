package org.eforum.registration.registration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.Conferences;
import org.eforum.registration.conference.SeatsAdded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives free seats to the waiting list, oldest registration first. Called whenever a seat may have become free
 * while someone waits: a cancellation, a capacity increase, a duplicate submission that gave its seat back, a
 * newcomer put on the waiting list, and the reconciler's rounds.
 *
 * <p>Race-free without transactions, for any number of concurrent callers: the seat is taken first with the
 * conference's guarded decrement, then the promotion is claimed on the candidate with a guard on its status and
 * sequence. Of two callers that picked the same candidate only one claim succeeds; the other gives its seat back
 * and looks again, so a seat is never handed out twice and never kept while someone waits.
 *
 * <p>Crash windows (each step is atomic on its own; a process can die between two of them):
 * <ul>
 *   <li>after taking the seat, before the claim: one seat counted as taken by nobody;</li>
 *   <li>after the claim, before {@code leaveWaitlist}: the waiting list counted one too long.</li>
 * </ul>
 * Both only under-use the conference (never overbook it), and {@link SeatCountReconciler} corrects the counters
 * from the registrations themselves, then runs this promotion again.
 */
@Component
public class WaitlistPromotion {

    /** Enough for the largest capacity; only a bug could make the loop go on, and then it must not spin forever. */
    private static final int MAX_ROUNDS = 100_000;

    private final Conferences conferences;
    private final Registrations registrations;
    private final SelfServiceLinkSigner links;
    private final Clock clock;

    WaitlistPromotion(Conferences conferences, Registrations registrations, SelfServiceLinkSigner links, Clock clock) {
        this.conferences = conferences;
        this.registrations = registrations;
        this.links = links;
        this.clock = clock;
    }

    /** @return the ids of the registrations promoted by this call, in promotion order */
    public List<String> fillFreeSeats(String conferenceId) {
        List<String> promoted = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // The candidate first: with nobody waiting, no seat is touched (a seat held even briefly would make a
            // concurrent newcomer see a full conference).
            Optional<Registration> candidate = registrations.oldestWaitlisted(conferenceId);
            if (candidate.isEmpty()) {
                return promoted;
            }
            Registration next = candidate.get();
            if (!next.isWaitlisted()) {
                // Read while another caller changed it (the in-memory store's reads are not snapshots): look again.
                continue;
            }
            Optional<Conference> seat = conferences.takeSeat(conferenceId);
            if (seat.isEmpty()) {
                return promoted;
            }
            Optional<Registration> confirmed = registrations.apply(
                    next.promote(seat.get().snapshot(), links.linkFor(next.id()), clock.instant(), Actor.system()));
            if (confirmed.isPresent()) {
                conferences.leaveWaitlist(conferenceId);
                promoted.add(next.id());
            } else {
                // Cancelled or promoted by someone else meanwhile: the seat goes back, and we look again.
                conferences.releaseSeat(conferenceId);
            }
        }
        return promoted;
    }

    @EventListener
    void on(SeatsAdded seatsAdded) {
        fillFreeSeats(seatsAdded.conferenceId());
    }
}
