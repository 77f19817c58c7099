package org.eforum.directory.person;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;

import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.text.Normaliser;

/**
 * Who a registration says the person is, and what they consented to, as of one event ({@code asOf},
 * {@code asOfEventId}): a participation's details, and the person's profile chosen from them (see
 * {@link Person#derive}), where the consents count only with a confirmed address.
 */
public record Profile(
        String firstName,
        String lastName,
        String organisation,
        String organisationId,
        StakeholderType stakeholderType,
        String country,
        String position,
        String language,
        boolean listInDirectory,
        boolean joinExpertsNetwork,
        Instant asOf,
        String asOfEventId) {

    static Profile of(RegistrationEvent event, String organisationId) {
        Participant participant = event.participant();
        return new Profile(Normaliser.display(participant.firstName()), Normaliser.display(participant.lastName()),
                Normaliser.display(participant.organisation()), organisationId, participant.stakeholderType(),
                participant.country() == null ? null : participant.country().toUpperCase(Locale.ROOT),
                Normaliser.display(participant.position()), participant.language(),
                participant.consents() != null && participant.consents().listInDirectory(),
                participant.consents() != null && participant.consents().joinExpertsNetwork(),
                storedInstant(event), event.eventId().toString());
    }

    /**
     * The same profile without what waits for a confirmed address: not listed, not in the experts' network. An
     * unconfirmed registration may have been made by anyone who knows the address.
     */
    Profile unconfirmed() {
        return listInDirectory || joinExpertsNetwork ? new Profile(firstName, lastName, organisation, organisationId,
                stakeholderType, country, position, language, false, false, asOf, asOfEventId) : this;
    }

    /** Newer by {@code asOf}, ties broken by the event id (whatever the order of arrival). */
    static final Comparator<Profile> BY_AGE = Comparator.comparing(Profile::asOf)
            .thenComparing(Profile::asOfEventId);

    /** MongoDB keeps milliseconds; comparing at that precision makes a redelivered event equal, not newer. */
    static Instant storedInstant(RegistrationEvent event) {
        return event.occurredAt().truncatedTo(ChronoUnit.MILLIS);
    }
}
