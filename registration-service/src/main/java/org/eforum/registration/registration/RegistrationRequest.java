package org.eforum.registration.registration;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.registration.validation.CountryCode;
import org.eforum.registration.validation.EmailAddress;
import org.eforum.registration.validation.Language;
import org.eforum.registration.validation.PlainText;

/**
 * The public registration form, as JSON or as the form page's fields (same names). {@code answers} answer the
 * conference's own questions by question id (see {@link Answers}).
 */
public record RegistrationRequest(
        @NotBlank @Size(max = 200) @PlainText String firstName,
        @NotBlank @Size(max = 200) @PlainText String lastName,
        @NotBlank @Size(max = 254) @EmailAddress String email,
        @NotBlank @Size(max = 200) @PlainText String organisation,
        @NotNull StakeholderType stakeholderType,
        @NotNull @CountryCode String country,
        @Size(max = 200) @PlainText String position,
        @NotNull @Pattern(regexp = Language.PATTERN) String language,
        @NotNull @Valid ConsentsRequest consents,
        @Size(max = 2000) @PlainText(multiline = true) String notes,
        @Size(max = 30) Map<String, Object> answers) {

    /** Without answers to the conference's own questions (a conference that asks none). */
    public RegistrationRequest(String firstName, String lastName, String email, String organisation,
            StakeholderType stakeholderType, String country, String position, String language,
            ConsentsRequest consents, String notes) {
        this(firstName, lastName, email, organisation, stakeholderType, country, position, language, consents, notes,
                null);
    }

    public record ConsentsRequest(
            @NotNull @AssertTrue(message = "{eforum.validation.dataProcessing.message}") Boolean dataProcessing,
            Boolean listInDirectory,
            Boolean joinExpertsNetwork) {
    }

    /** The participant, with the answers as {@link Answers} checked them. */
    Participant participant(Map<String, Object> checkedAnswers) {
        return new Participant(firstName.strip(), lastName.strip(), email.strip(), organisation.strip(),
                stakeholderType, country, position == null || position.isBlank() ? null : position.strip(), language,
                new Consents(true, Boolean.TRUE.equals(consents.listInDirectory()),
                        Boolean.TRUE.equals(consents.joinExpertsNetwork())), null, checkedAnswers);
    }
}
