package org.eforum.registration.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.registration.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A conference and its seat counter. {@code seatsLeft} is decremented atomically with a guard when a
 * participant takes a seat, so capacity holds under any concurrency without transactions. The events owed to
 * Kafka travel in {@code outbox}, written in the same document update as the change itself. {@code team} is the
 * usernames of its organisers: whoever created it, and whom the team added since (empty on conferences older than
 * teams, which only an operator can then give a team). {@code description} is keyed by language like the title, and may
 * be empty (conferences older than descriptions have none). {@code questions} are the conference's own questions
 * in the form's order, the retired ones after them ({@link Question}). {@code moderated}: each registration waits,
 * PENDING, for an organiser to approve or decline it (absent on older conferences: not moderated).
 */
@Document("conferences")
public record Conference(
        @Id String id,
        Map<String, String> title,
        Map<String, String> venue,
        LocalDate startDate,
        LocalDate endDate,
        String city,
        String country,
        int capacity,
        Instant registrationOpens,
        Instant registrationCloses,
        List<String> languages,
        Contact contact,
        List<String> cc,
        OrganiserNotifications organiserNotifications,
        int seatsLeft,
        int waitlistLength,
        long version,
        Instant createdAt,
        Instant updatedAt,
        boolean outboxPending,
        Instant outboxPendingSince,
        List<OutboxEntry> outbox,
        List<String> team,
        Map<String, String> description,
        List<Question> questions,
        Boolean moderated) {

    public Conference {
        moderated = Boolean.TRUE.equals(moderated); // conferences older than moderation are not moderated
        team = team == null ? List.of() : List.copyOf(team);
        description = description == null ? Map.of() : Map.copyOf(description);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /**
     * A new conference: every seat free, nobody waiting, version 1, its creator its team, and its first
     * {@code ConferenceChanged} waiting in the outbox.
     */
    static Conference create(ConferenceSnapshot snapshot, String creator, OutboxEntry created, Instant now) {
        return new Conference(snapshot.id(), snapshot.title(), snapshot.venue(), snapshot.startDate(),
                snapshot.endDate(), snapshot.city(), snapshot.country(), snapshot.capacity(), snapshot.registrationOpens(),
                snapshot.registrationCloses(), snapshot.languages(), snapshot.contact(), snapshot.cc(),
                snapshot.organiserNotifications(), snapshot.capacity(), 0, 1, now, now, true, now, List.of(created),
                List.of(creator), snapshot.description(), List.of(), snapshot.moderated());
    }

    public ConferenceSnapshot snapshot() {
        return new ConferenceSnapshot(id, title, venue, startDate, endDate, city, country, capacity,
                registrationOpens, registrationCloses, languages, contact, cc, organiserNotifications, description,
                moderated);
    }

    /** Whether the organisers approve each registration before it takes a seat (or joins the waiting list). */
    public boolean isModerated() {
        return Boolean.TRUE.equals(moderated);
    }

    /** The questions the form asks now (of someone, see {@link Question#isAskedOf}). */
    public List<Question> activeQuestions() {
        return questions.stream().filter(question -> !question.retired()).toList();
    }

    /** Whether {@code username} is one of the conference's organisers. */
    public boolean hasOrganiser(String username) {
        return team.contains(username);
    }

    public RegistrationWindow window() {
        return new RegistrationWindow(registrationOpens, registrationCloses);
    }

    public int confirmed() {
        return capacity - seatsLeft;
    }

    /** Whether registration is open at a given moment; both ends optional. */
    public record RegistrationWindow(Instant opens, Instant closes) {

        public boolean notYetOpen(Instant now) {
            return opens != null && now.isBefore(opens);
        }

        public boolean closed(Instant now) {
            return closes != null && !now.isBefore(closes);
        }

        public boolean isOpen(Instant now) {
            return !notYetOpen(now) && !closed(now);
        }

        /** Open from {@code now}; a closing moment already passed is dropped (a future one stays). */
        public RegistrationWindow openedAt(Instant now) {
            return new RegistrationWindow(now, closes != null && closes.isAfter(now) ? closes : null);
        }

        /** Closed from {@code now}; an opening moment still ahead is dropped, so the window is simply over. */
        public RegistrationWindow closedAt(Instant now) {
            return new RegistrationWindow(opens != null && opens.isBefore(now) ? opens : null, now);
        }
    }
}
