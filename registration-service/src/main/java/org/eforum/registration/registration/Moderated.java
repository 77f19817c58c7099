package org.eforum.registration.registration;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What approving or declining many registrations did: the registrations approved or declined, in the order given,
 * and those skipped with why ({@link #NOT_PENDING}, {@link #UNKNOWN}, {@link #BUSY}).
 */
public record Moderated(List<Registration> done, List<Skipped> skipped) {

    /** The registration is not awaiting approval (approved, declined, cancelled, or never moderated). */
    public static final String NOT_PENDING = "not-pending";
    /** The conference has no such registration. */
    public static final String UNKNOWN = "unknown";
    /** It changed while being approved or declined, again and again: nothing was changed; try again. */
    public static final String BUSY = "busy";

    public record Skipped(String registrationId, String reason) {
    }

    /**
     * The organisers' message for a participant: in the participant's language when given there, else in the other
     * language given; absent when neither has words.
     */
    static @Nullable String messageFor(@Nullable Map<String, String> message, String language) {
        if (message == null) {
            return null;
        }
        String own = message.get(language);
        if (own != null && !own.isBlank()) {
            return own.strip();
        }
        return message.values().stream().filter(text -> text != null && !text.isBlank()).map(String::strip)
                .findFirst().orElse(null);
    }
}
