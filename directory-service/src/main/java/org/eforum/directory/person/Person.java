package org.eforum.directory.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.directory.text.Normaliser;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person of the directory with all their participations: one document, so that applying an event is one
 * atomic write (the store has no transactions). {@code version} guards concurrent writers.
 */
@Document(Person.COLLECTION)
public class Person {

    public static final String COLLECTION = "people";

    private static final Comparator<Participation> IN_ORDER = Comparator.comparing(Participation::conferenceId)
            .thenComparing(Participation::registrationId);

    /** The normalised e-mail: private, never shown publicly. */
    @Id
    private final String id;

    /**
     * The only id the public ever sees: derived from {@link #id} with a keyed hash ({@link PublicIds}), so it is
     * the same after a rebuild from the log and cannot be turned back into, or computed from, an e-mail address.
     */
    private final String publicId;

    /** {@link EmailHash} of the address: how an erasure request (which never carries the address) finds the person. */
    private final String emailHash;

    @Version
    private Long version;

    /** As the person last typed it, for organisers. */
    private String email;

    private Profile profile;

    private SearchKeys search;

    private final List<Participation> participations;

    @PersistenceCreator
    Person(String id, String publicId, String emailHash, Long version, String email, Profile profile,
            SearchKeys search, List<Participation> participations) {
        this.id = id;
        this.publicId = publicId;
        this.emailHash = emailHash;
        this.version = version;
        this.email = email;
        this.profile = profile;
        this.search = search;
        this.participations = participations == null ? new ArrayList<>() : new ArrayList<>(participations);
    }

    static Person newcomer(String emailKey, String publicId) {
        return new Person(emailKey, publicId, EmailHash.of(emailKey), null, null, null, null, null);
    }

    /** The private id of the person an event is about. */
    static String idOf(RegistrationEvent event) {
        return Normaliser.email(event.participant().email());
    }

    /**
     * Applies a registration event; returns false, changing nothing, when the registration has already seen
     * this event or a newer one (a redelivery, or an event overtaken by a later one).
     */
    boolean record(RegistrationEvent event, String organisationId) {
        Optional<Participation> current = participation(event.registrationId());
        if (current.isPresent() && current.get().isAsNewAs(event)) {
            return false;
        }
        Participation updated = Participation.of(event, organisationId,
                current.map(Participation::addressConfirmed).orElse(false));
        current.ifPresentOrElse(p -> participations.set(participations.indexOf(p), updated),
                () -> participations.add(updated));
        // A fixed order, not the order of arrival: a rebuild from the log (or a rebalance) must give the same list.
        participations.sort(IN_ORDER);
        derive();
        if (profile != null && profile.asOfEventId().equals(updated.eventId())) {
            email = event.participant().email().strip();
        }
        return true;
    }

    /**
     * The profile, and with it what is public: latest confirmed consent wins. It comes from the newest event (by
     * occurredAt, ties by event id, in whatever order events arrive) of a registration that counts (its address
     * confirmed, and approved where the conference is moderated: {@link Participation#counts}), whichever
     * conference it belongs to; while none counts, from the newest event of any, with nothing public (organisers
     * still see who registered). So a registration made by someone who only knows the address, or one the
     * organisers have not approved, neither lists, un-lists, renames nor moves in or out of the experts' network a
     * person already listed. Documents written before confirmation existed have no {@code details}: they keep their
     * profile, unlisted.
     */
    void derive() {
        Comparator<Participation> best = Comparator.comparing(Participation::counts)
                .thenComparing(Participation::details, Profile.BY_AGE);
        Optional<Participation> source = participations.stream().filter(p -> p.details() != null).max(best);
        if (source.isPresent()) {
            Profile details = source.get().details();
            profile = source.get().counts() ? details : details.unconfirmed();
        } else if (profile != null) {
            profile = profile.unconfirmed();
        }
        search = profile == null ? null : SearchKeys.of(profile);
    }

    /**
     * Gives up the registration when a later event of it (of {@code sequence}) moved it to another person: its
     * address changed. Returns whether it was held here, older than that event; a person left with no
     * registration holds nothing ({@link #isEmpty}), and the document goes.
     */
    boolean release(String registrationId, long sequence) {
        boolean released = participations.removeIf(p -> p.registrationId().equals(registrationId)
                && p.sequence() < sequence);
        if (!released) {
            return false;
        }
        if (participations.isEmpty()) {
            profile = null;
            search = null;
            email = null;
        } else {
            derive();
        }
        return true;
    }

    /** Whether nothing is left of the person (their last registration moved to another address). */
    boolean isEmpty() {
        return participations.isEmpty();
    }

    /**
     * Forgets everything an erasure at {@code erasedAt} covers: every participation whose newest event is not
     * later than the erasure, and the profile with them. Applied whenever the erasure arrives, before or after the
     * events, this gives the same person as if the covered events had never been seen. Returns whether anything is
     * left to keep (false: delete the whole document).
     */
    boolean eraseUpTo(Instant erasedAt) {
        participations.removeIf(p -> !p.occurredAt().isAfter(erasedAt));
        boolean legacyProfileCovered = profile != null && !profile.asOf().isAfter(erasedAt)
                && participations.stream().allMatch(p -> p.details() == null);
        if (participations.isEmpty() || legacyProfileCovered) {
            profile = null;
            search = null;
            email = null;
            participations.clear();
            return false;
        }
        derive();
        return true;
    }

    /** Whether the erasure covers the event: an event up to the moment of erasure is the erased person's past. */
    static boolean isCovered(RegistrationEvent event, Instant erasedAt) {
        return erasedAt != null && !Profile.storedInstant(event).isAfter(erasedAt);
    }

    public String emailHash() {
        return emailHash;
    }

    public String id() {
        return id;
    }

    public Optional<Participation> participation(String registrationId) {
        return participations.stream().filter(p -> p.registrationId().equals(registrationId)).findFirst();
    }

    public List<Participation> participationsIn(String conferenceId) {
        return participations.stream().filter(p -> p.conferenceId().equals(conferenceId)).toList();
    }

    public List<Participation> attended() {
        return participations.stream().filter(Participation::attended).toList();
    }

    public String publicId() {
        return publicId;
    }

    public Long version() {
        return version;
    }

    public String email() {
        return email;
    }

    public Profile profile() {
        return profile;
    }

    public SearchKeys search() {
        return search;
    }

    public List<Participation> participations() {
        return List.copyOf(participations);
    }
}
