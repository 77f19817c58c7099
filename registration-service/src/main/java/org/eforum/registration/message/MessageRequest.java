package org.eforum.registration.message;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eforum.registration.validation.Language;
import org.eforum.registration.validation.PlainText;
import org.jspecify.annotations.Nullable;

/**
 * What an organiser writes to participants: the audience, and a subject and a body per language. Which languages
 * are needed depends on the conference (every one of its languages, no other), which {@link MessageService} checks.
 */
public record MessageRequest(
        @NotNull @Nullable Audience audience,
        @NotEmpty @Nullable Map<@Pattern(regexp = Language.PATTERN) String,
                @NotBlank @Size(max = SUBJECT_MAX) @PlainText String> subject,
        @NotEmpty @Nullable Map<@Pattern(regexp = Language.PATTERN) String,
                @NotBlank @Size(max = BODY_MAX) @PlainText(multiline = true) String> body) {

    public static final int SUBJECT_MAX = 200;
    public static final int BODY_MAX = 10_000;
}
