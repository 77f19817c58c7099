package org.eforum.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationApproved;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationDeclined;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationLinkResent;
import org.eforum.contracts.event.RegistrationMailResent;
import org.eforum.contracts.event.RegistrationPromoted;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.RegistrationSubmitted;
import org.eforum.contracts.event.RegistrationWaitlisted;
import org.eforum.contracts.event.StakeholderType;

/** Events as the registration service publishes them. */
final class Fixtures {

    static final String TITLE_EN = "Migration and Integration Forum 2026";
    static final String TITLE_BG = "Форум за миграция и интеграция 2026";

    private Fixtures() {
    }

    static ConferenceSnapshot conference(String id, List<String> languages, Contact contact, List<String> cc,
            OrganiserNotifications notifications) {
        return new ConferenceSnapshot(id, Map.of("en", TITLE_EN, "bg", TITLE_BG),
                Map.of("en", "National Palace of Culture, Hall 3", "bg", "НДК, зала 3"),
                LocalDate.of(2026, 5, 12), LocalDate.of(2026, 5, 13), "Sofia", "BG", 100, null, null, languages,
                contact, cc, notifications);
    }

    static Participant participant(String firstName, String lastName, String email, String language) {
        return new Participant(firstName, lastName, email, "Open Doors Association", StakeholderType.CIVIL_SOCIETY,
                "BG", "Coordinator", language, new Consents(true, true, false));
    }

    static String selfServiceUrl(String registrationId) {
        return "http://localhost:8081/registrations/" + registrationId + "?token=tok" + registrationId.hashCode();
    }

    static RegistrationConfirmed confirmed(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference) {
        return new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), registrationId, sequence, participant,
                conference, selfServiceUrl(registrationId));
    }

    static RegistrationWaitlisted waitlisted(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference) {
        return new RegistrationWaitlisted(UUID.randomUUID(), Instant.now(), registrationId, sequence, participant,
                conference, selfServiceUrl(registrationId));
    }

    static RegistrationPromoted promoted(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference) {
        return new RegistrationPromoted(UUID.randomUUID(), Instant.now(), registrationId, sequence, participant,
                conference, selfServiceUrl(registrationId));
    }

    static RegistrationCancelled cancelled(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference, RegistrationStatus previousStatus) {
        return new RegistrationCancelled(UUID.randomUUID(), Instant.now(), registrationId, sequence, participant,
                conference, selfServiceUrl(registrationId), previousStatus);
    }

    static RegistrationLinkResent linkResent(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference, RegistrationStatus status) {
        return new RegistrationLinkResent(UUID.randomUUID(), Instant.now(), registrationId, sequence, participant,
                conference, selfServiceUrl(registrationId), status);
    }

    static RegistrationMailResent mailResent(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference, RegistrationStatus status, boolean addressConfirmed) {
        return new RegistrationMailResent(UUID.randomUUID(), Instant.now(), registrationId, sequence, participant,
                conference, selfServiceUrl(registrationId), status, addressConfirmed);
    }

    static RegistrationAddressConfirmed addressConfirmed(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference, RegistrationStatus status) {
        return new RegistrationAddressConfirmed(UUID.randomUUID(), Instant.now(), registrationId, sequence, participant,
                conference, selfServiceUrl(registrationId), status);
    }

    /** The conference with moderation: the organisers approve each registration. */
    static ConferenceSnapshot moderated(ConferenceSnapshot c) {
        return new ConferenceSnapshot(c.id(), c.title(), c.venue(), c.startDate(), c.endDate(), c.city(), c.country(),
                c.capacity(), c.registrationOpens(), c.registrationCloses(), c.languages(), c.contact(), c.cc(),
                c.organiserNotifications(), c.description(), true);
    }

    static RegistrationSubmitted submitted(String registrationId, Participant participant,
            ConferenceSnapshot conference) {
        return new RegistrationSubmitted(UUID.randomUUID(), Instant.now(), registrationId, 1, participant, conference,
                selfServiceUrl(registrationId));
    }

    /** status CONFIRMED (a seat) or WAITLISTED (full); message null when the organiser wrote none. */
    static RegistrationApproved approved(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference, RegistrationStatus status, String message) {
        return new RegistrationApproved(UUID.randomUUID(), Instant.now(), registrationId, sequence, participant,
                conference, selfServiceUrl(registrationId), status, message);
    }

    static RegistrationDeclined declined(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference, String message) {
        return new RegistrationDeclined(UUID.randomUUID(), Instant.now(), registrationId, sequence, participant,
                conference, selfServiceUrl(registrationId), message);
    }

    /** {@code participant} as now corrected. */
    static RegistrationDetailsChanged detailsChanged(String registrationId, long sequence, Participant participant,
            ConferenceSnapshot conference, RegistrationStatus status, List<String> changedFields) {
        return new RegistrationDetailsChanged(UUID.randomUUID(), Instant.now(), registrationId, sequence, participant,
                conference, selfServiceUrl(registrationId), status, changedFields);
    }

    static String confirmationUrl(String registrationId) {
        return "http://localhost:8081/registrations/" + registrationId + "/email?token=change" + registrationId.hashCode();
    }

    /** {@code participant} still at the current address; the mail goes to {@code newEmail}. */
    static RegistrationEmailChangeRequested emailChangeRequested(String registrationId, long sequence,
            Participant participant, ConferenceSnapshot conference, RegistrationStatus status, String newEmail) {
        return new RegistrationEmailChangeRequested(UUID.randomUUID(), Instant.now(), registrationId, sequence,
                participant, conference, selfServiceUrl(registrationId), status, newEmail,
                confirmationUrl(registrationId));
    }

    /** A change of the conference, whose team is the tests' organiser. */
    static ConferenceChanged changed(long version, ConferenceSnapshot conference) {
        return changed(version, conference, List.of("organiser"));
    }

    static ConferenceChanged changed(long version, ConferenceSnapshot conference, List<String> team) {
        return new ConferenceChanged(UUID.randomUUID(), Instant.now(), version, conference, team);
    }
}
