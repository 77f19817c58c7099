package org.eforum.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The participant corrected their details on their own page: {@code participant} is the registration as it now
 * is, {@code changedFields} names what changed ({@code firstName}, {@code lastName}, {@code email},
 * {@code organisation}, {@code stakeholderType}, {@code country}, {@code position}, {@code language},
 * {@code consents}, and {@code answers.<questionId>} per answer). A change of the registration ({@code sequence}
 * grows) that leaves its seat as it was: {@code status} is the current one. An address change arrives here only
 * once the new address is confirmed (see {@link RegistrationEmailChangeRequested}); the event is then sealed under
 * the new address's person, the registration belongs to that person from now on, and the new address counts as
 * confirmed (it was proved through the link mailed to it, as by {@link RegistrationAddressConfirmed}).
 */
public record RegistrationDetailsChanged(
        UUID eventId,
        Instant occurredAt,
        String registrationId,
        long sequence,
        Participant participant,
        ConferenceSnapshot conference,
        String selfServiceUrl,
        RegistrationStatus status,
        List<String> changedFields) implements RegistrationEvent {

    public RegistrationDetailsChanged {
        changedFields = List.copyOf(changedFields);
    }
}
