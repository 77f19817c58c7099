package org.eforum.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The lifecycle of one registration. Each event carries everything a consumer needs (participant, a snapshot
 * of the conference, the self-service link) so that no consumer has to call registration-service back.
 * {@link #sequence()} grows by one with every change of a registration; a consumer that has seen a higher one
 * ignores the event as stale. {@link RegistrationLinkResent}, {@link RegistrationMailResent} and
 * {@link ParticipantMessaged} and {@link RegistrationEmailChangeRequested} change nothing and carry the current
 * sequence. In a moderated conference a registration starts {@link RegistrationSubmitted} (PENDING) and is then
 * {@link RegistrationApproved} or {@link RegistrationDeclined}.
 * The participant's consents to be listed and to join the experts' network take effect only once the registration's
 * address is confirmed ({@link RegistrationAddressConfirmed}, then sticky for that registration).
 * Absent values are left out of the JSON: a sealed event has no cleartext {@code selfServiceUrl}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface RegistrationEvent extends EforumEvent
        permits RegistrationConfirmed, RegistrationWaitlisted, RegistrationPromoted, RegistrationCancelled,
        RegistrationLinkResent, RegistrationAddressConfirmed, RegistrationMailResent, ParticipantMessaged,
        RegistrationSubmitted, RegistrationApproved, RegistrationDeclined, RegistrationDetailsChanged,
        RegistrationEmailChangeRequested {

    String registrationId();

    long sequence();

    Participant participant();

    ConferenceSnapshot conference();

    /**
     * The participant's link to see or cancel the registration; it carries their secret token. Null while the
     * event is sealed: on Kafka it travels inside {@code participant.personal}.
     */
    String selfServiceUrl();

    /** The status the registration has after this event. */
    RegistrationStatus status();

    @Override
    default String aggregateId() {
        return registrationId();
    }
}
