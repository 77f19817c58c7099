package org.eforum.registration.registration;

import jakarta.validation.constraints.Size;
import org.eforum.registration.validation.PlainText;

/**
 * The optional body of approving or declining one registration: the organiser's word to the participant, plain
 * text (line breaks allowed), in the participant's language.
 */
public record ModerationRequest(@Size(max = MESSAGE_MAX) @PlainText(multiline = true) String message) {

    /** A few paragraphs at most: the mail says the rest. */
    public static final int MESSAGE_MAX = 2_000;
}
