package org.eforum.registration.registration;

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

/** The public registration form, as JSON or as the form page's fields (same names). */
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
        @Size(max = 2000) @PlainText(multiline = true) String notes) {

    public record ConsentsRequest(
            @NotNull @AssertTrue(message = "{eforum.validation.dataProcessing.message}") Boolean dataProcessing,
            Boolean listInDirectory,
            Boolean joinExpertsNetwork) {
    }

    Participant participant() {
        return new Participant(firstName.strip(), lastName.strip(), email.strip(), organisation.strip(),
                stakeholderType, country, position == null || position.isBlank() ? null : position.strip(), language,
                new Consents(true, Boolean.TRUE.equals(consents.listInDirectory()),
                        Boolean.TRUE.equals(consents.joinExpertsNetwork())));
    }
}
