package org.eforum.registration.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eforum.contracts.event.OrganiserNotifications;
import org.eforum.registration.validation.CountryCode;
import org.eforum.registration.validation.EmailAddress;
import org.eforum.registration.validation.Language;
import org.eforum.registration.validation.PlainText;

/**
 * What an organiser sends to create or update a conference; {@code description} is optional, per language;
 * {@code moderated} absent is false.
 */
public record ConferenceRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{3,64}", message = "must be 3 to 64 characters a-z, 0-9 or -") String id,
        @NotEmpty Map<@Pattern(regexp = Language.PATTERN) String, @NotBlank @Size(max = 300) @PlainText String> title,
        @NotEmpty Map<@Pattern(regexp = Language.PATTERN) String, @NotBlank @Size(max = 300) @PlainText String> venue,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotBlank @Size(max = 200) @PlainText String city,
        @NotNull @CountryCode String country,
        @NotNull @Min(1) @Max(100_000) Integer capacity,
        Instant registrationOpens,
        Instant registrationCloses,
        @NotEmpty @Size(max = 2) List<@NotNull @Pattern(regexp = Language.PATTERN) String> languages,
        @NotNull @Valid ContactRequest contact,
        @Size(max = 20) List<@NotBlank @EmailAddress String> cc,
        @NotNull OrganiserNotifications organiserNotifications,
        Map<@Pattern(regexp = Language.PATTERN) String,
                @Size(max = DESCRIPTION_MAX) @PlainText(multiline = true) String> description,
        @Schema(description = "The organisers approve each registration: a submit is PENDING and takes no seat "
                + "until approved (default false)", defaultValue = "false") Boolean moderated) {

    /** A description's length limit per language: a few paragraphs, not a programme. */
    public static final int DESCRIPTION_MAX = 5_000;

    public record ContactRequest(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @EmailAddress String email) {
    }

    /** Whether the organisers approve each registration (absent: no); not a getter, so no second JSON property. */
    public boolean moderatedOrNot() {
        return Boolean.TRUE.equals(moderated);
    }

    @AssertTrue(message = "must not be before startDate")
    public boolean isEndDate() {
        return startDate == null || endDate == null || !endDate.isBefore(startDate);
    }

    @AssertTrue(message = "must be after registrationOpens")
    public boolean isRegistrationCloses() {
        return registrationOpens == null || registrationCloses == null || registrationCloses.isAfter(registrationOpens);
    }

    @AssertTrue(message = "must not repeat a language")
    public boolean isLanguages() {
        return languages == null || languages.stream().distinct().count() == languages.size();
    }

    @AssertTrue(message = "must have a text in every language of the conference")
    public boolean isTitle() {
        return title == null || languages == null || title.keySet().containsAll(languages);
    }
}
