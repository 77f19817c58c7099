package org.eforum.registration.conference;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Contact;
import org.eforum.registration.outbox.OutboxEntry;
import org.eforum.registration.outbox.OutboxEntryFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Creates and changes conferences; each change and its {@link ConferenceChanged} event are one write. */
@Service
public class ConferenceService {

    private static final int UPDATE_ATTEMPTS = 5;

    private final Conferences conferences;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final OutboxEntryFactory outboxEntryFactory;

    public ConferenceService(Conferences conferences, Clock clock, ApplicationEventPublisher publisher,
            OutboxEntryFactory outboxEntryFactory) {
        this.conferences = conferences;
        this.clock = clock;
        this.publisher = publisher;
        this.outboxEntryFactory = outboxEntryFactory;
    }

    /** A new conference, whose team is its creator. */
    public Conference create(ConferenceRequest request, String creator) {
        Instant now = clock.instant();
        ConferenceSnapshot snapshot = snapshot(request.id(), request);
        OutboxEntry event = outboxEntryFactory.of(new ConferenceChanged(UUID.randomUUID(), now, 1, snapshot,
                List.of(creator)));
        Conference conference = Conference.create(snapshot, creator, event, now);
        try {
            conferences.insert(conference);
        } catch (DuplicateKeyException e) {
            throw new ConferenceConflictException(ConferenceConflictException.Reason.ID_TAKEN, "Conference already exists",
                    "A conference with the id '" + request.id() + "' exists already.");
        }
        return conference;
    }

    public Conference update(String id, ConferenceRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw new ConferenceConflictException(ConferenceConflictException.Reason.ID_CHANGED, "Conference id cannot change",
                    "The body's id '" + request.id() + "' differs from the conference '" + id + "'.");
        }
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Conference current = get(id);
            int delta = request.capacity() - current.capacity();
            if (current.confirmed() > request.capacity()) {
                throw capacityBelowConfirmed(current);
            }
            Instant now = clock.instant();
            ConferenceSnapshot snapshot = snapshot(id, request);
            OutboxEntry event = outboxEntryFactory.of(new ConferenceChanged(UUID.randomUUID(), now, current.version() + 1,
                    snapshot, current.team()));
            Update changes = new Update().set("title", snapshot.title()).set("venue", snapshot.venue())
                    .set("startDate", snapshot.startDate()).set("endDate", snapshot.endDate())
                    .set("city", snapshot.city()).set("country", snapshot.country())
                    .set("capacity", snapshot.capacity()).set("registrationOpens", snapshot.registrationOpens())
                    .set("registrationCloses", snapshot.registrationCloses()).set("languages", snapshot.languages())
                    .set("contact", snapshot.contact()).set("cc", snapshot.cc())
                    .set("organiserNotifications", snapshot.organiserNotifications())
                    .set("description", snapshot.description()).set("moderated", snapshot.moderated());
            var updated = conferences.update(id, current.version(), delta, changes, event, now);
            if (updated.isPresent()) {
                if (delta > 0) {
                    // The waiting list gets the new seats now. Should the process die right here, the seats sit
                    // free until SeatCountReconciler's next round promotes the waiting list.
                    publisher.publishEvent(new SeatsAdded(id, delta));
                    return get(id);
                }
                return updated.get();
            }
            // Someone else changed it, or a seat was taken meanwhile: read again and re-check.
        }
        throw new ConferenceConflictException(ConferenceConflictException.Reason.CHANGED_MEANWHILE, "Conference is being changed",
                "The conference '" + id + "' changed while this update was applied; try again.");
    }

    /**
     * Replaces the conference's questions (see {@link QuestionChanges}), with a {@code ConferenceChanged} like any
     * change of the conference, so its version orders them.
     *
     * @throws org.eforum.registration.validation.InvalidFieldsException when a label misses a language of the
     *         conference or has another, or a question would change its kind
     */
    public Conference replaceQuestions(String id, QuestionsRequest request) {
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Conference current = get(id);
            Map<String, String> problems = QuestionChanges.problems(current.languages(), current.questions(), request);
            if (!problems.isEmpty()) {
                throw new org.eforum.registration.validation.InvalidFieldsException(problems);
            }
            Instant now = clock.instant();
            OutboxEntry event = outboxEntryFactory.of(new ConferenceChanged(UUID.randomUUID(), now,
                    current.version() + 1, current.snapshot(), current.team()));
            var updated = conferences.update(id, current.version(), 0,
                    new Update().set("questions", QuestionChanges.apply(current.questions(), request)), event, now);
            if (updated.isPresent()) {
                return updated.get();
            }
        }
        throw new ConferenceConflictException(ConferenceConflictException.Reason.CHANGED_MEANWHILE,
                "Conference is being changed", "The conference '" + id + "' changed while its questions were changed; "
                        + "try again.");
    }

    /**
     * Gives the conference a new team (the whole set of its organisers' usernames), with a {@code ConferenceChanged}
     * that carries it to the other services. Who may do so is the caller's to check ({@link TeamAccess}).
     */
    public Conference changeTeam(String id, List<String> team) {
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Conference current = get(id);
            Instant now = clock.instant();
            OutboxEntry event = outboxEntryFactory.of(new ConferenceChanged(UUID.randomUUID(), now,
                    current.version() + 1, current.snapshot(), team));
            var updated = conferences.update(id, current.version(), 0, new Update().set("team", team), event, now);
            if (updated.isPresent()) {
                return updated.get();
            }
        }
        throw new ConferenceConflictException(ConferenceConflictException.Reason.CHANGED_MEANWHILE,
                "Conference is being changed", "The conference '" + id + "' changed while its team was changed; try again.");
    }

    /** The conferences whose team names {@code username}, by start date. */
    public List<Conference> organisedBy(String username) {
        return conferences.withOrganiser(username);
    }

    /**
     * Opens or closes registration by moving the window (both ends optional), as an update with everything else
     * as it was read: the same checks, the same event (a change made meanwhile is caught by the update's version).
     */
    public Conference changeWindow(Conference current, Conference.RegistrationWindow window) {
        String id = current.id();
        return update(id, new ConferenceRequest(id, current.title(), current.venue(), current.startDate(),
                current.endDate(), current.city(), current.country(), current.capacity(), window.opens(), window.closes(),
                current.languages(), new ConferenceRequest.ContactRequest(current.contact().name(),
                        current.contact().email()), current.cc(), current.organiserNotifications(),
                current.description(), current.isModerated()));
    }

    public Conference get(String id) {
        return conferences.find(id).orElseThrow(() -> new ConferenceNotFoundException(id));
    }

    public List<Conference> all() {
        return conferences.findAll();
    }

    private static ConferenceConflictException capacityBelowConfirmed(Conference current) {
        return new ConferenceConflictException(ConferenceConflictException.Reason.CAPACITY_BELOW_CONFIRMED,
                "Capacity below confirmed registrations",
                current.confirmed() + " participants are confirmed; the capacity cannot be lower.");
    }

    private static ConferenceSnapshot snapshot(String id, ConferenceRequest request) {
        return new ConferenceSnapshot(id, request.title(), request.venue(), request.startDate(), request.endDate(),
                request.city(), request.country(), request.capacity(), request.registrationOpens(),
                request.registrationCloses(), request.languages(),
                new Contact(request.contact().name(), request.contact().email()),
                request.cc(), request.organiserNotifications(), description(request), request.moderatedOrNot());
    }

    /** The description's texts without blank ones: an empty text is no description in that language. */
    private static Map<String, String> description(ConferenceRequest request) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (request.description() != null) {
            request.description().forEach((language, text) -> {
                if (text != null && !text.isBlank()) {
                    texts.put(language, text.strip().replace("\r\n", "\n").replace('\r', '\n')); // a form posts CR LF
                }
            });
        }
        return texts;
    }
}
