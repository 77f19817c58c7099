package org.eforum.registration.registration;

import java.util.Arrays;
import java.util.List;

import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;
import org.jspecify.annotations.Nullable;

/**
 * Which of one conference's registrations an organiser looks at, and in which order: words to find in the name,
 * e-mail address or organisation (each word somewhere, any case, any script), and filters that are each either
 * absent (any) or one value.
 */
public record RegistrationSearch(
        String conferenceId,
        @Nullable String query,
        @Nullable RegistrationStatus status,
        @Nullable StakeholderType stakeholderType,
        @Nullable String country,
        @Nullable Boolean listInDirectory,
        @Nullable Boolean joinExpertsNetwork,
        Order order,
        boolean descending) {

    /** The orders the list offers; each ends in a unique key so that pages never overlap. */
    public enum Order { NAME, ORGANISATION, STATUS, REGISTERED_AT }

    /** Every registration of the conference in the order they came. */
    public static RegistrationSearch all(String conferenceId) {
        return new RegistrationSearch(conferenceId, null, null, null, null, null, null, Order.REGISTERED_AT, false);
    }

    List<String> words() {
        return query == null ? List.of() : Arrays.stream(query.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
