package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The participant pressed "Confirm my address" on their own page (reached only through the link mailed to the
 * address): the address is theirs. Only from this event on do the registration's {@code listInDirectory} and
 * {@code joinExpertsNetwork} take effect; before it, anyone could have typed someone else's address. A change of the
 * registration ({@code sequence} grows) that leaves its seat as it was: {@code status} is the current one (CONFIRMED
 * or WAITLISTED). At most one per registration; a cancelled registration is never confirmed.
 */
public record RegistrationAddressConfirmed(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl,
        RegistrationStatus status) implements RegistrationEvent {
}
