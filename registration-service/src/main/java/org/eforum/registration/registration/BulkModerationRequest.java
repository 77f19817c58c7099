package org.eforum.registration.registration;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eforum.registration.validation.Language;
import org.eforum.registration.validation.PlainText;

/**
 * Approving or declining many registrations at once: their ids (1 to 200, in the order to apply), and an optional
 * message per language; each participant gets it in their language, else in the other one.
 */
public record BulkModerationRequest(
        @NotNull @Size(min = 1, max = MAX_IDS) List<@NotBlank @Size(max = 100) String> registrationIds,
        Map<@Pattern(regexp = Language.PATTERN) String,
                @Size(max = ModerationRequest.MESSAGE_MAX) @PlainText(multiline = true) String> message) {

    /** As many as the largest page of the organisers' table. */
    public static final int MAX_IDS = 200;
}
