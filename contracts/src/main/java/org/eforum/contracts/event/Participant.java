package org.eforum.contracts.event;

/** The person who registered, as typed in the form. {@code language} is {@code bg} or {@code en}. */
public record Participant(
        String firstName,
        String lastName,
        String email,
        String organisation,
        StakeholderType stakeholderType,
        String country,
        String position,
        String language,
        Consents consents) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
