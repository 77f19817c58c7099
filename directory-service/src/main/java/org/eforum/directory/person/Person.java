package org.eforum.directory.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    static final String COLLECTION = "people";

    /** The normalised e-mail: private, never shown publicly. */
    @Id
    private final String id;

    /** Random and stable: the only id the public ever sees; it cannot be turned back into an e-mail. */
    private final String publicId;

    @Version
    private Long version;

    /** As the person last typed it, for organisers. */
    private String email;

    private Profile profile;

    private SearchKeys search;

    private final List<Participation> participations;

    @PersistenceCreator
    Person(String id, String publicId, Long version, String email, Profile profile, SearchKeys search,
            List<Participation> participations) {
        this.id = id;
        this.publicId = publicId;
        this.version = version;
        this.email = email;
        this.profile = profile;
        this.search = search;
        this.participations = participations == null ? new ArrayList<>() : new ArrayList<>(participations);
    }

    static Person newcomer(String emailKey) {
        return new Person(emailKey, UUID.randomUUID().toString(), null, null, null, null, null);
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
        Participation updated = Participation.of(event);
        current.ifPresentOrElse(p -> participations.set(participations.indexOf(p), updated),
                () -> participations.add(updated));
        // Latest consent wins: the profile, and with it listInDirectory and joinExpertsNetwork, comes from the
        // newest event this person produced (by occurredAt), whichever of their registrations it belongs to.
        if (profile == null || profile.isOlderThan(event)) {
            profile = Profile.of(event, organisationId);
            search = SearchKeys.of(profile);
            email = event.participant().email().strip();
        }
        return true;
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
