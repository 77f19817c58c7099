package org.eforum.registration.organiser;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an organiser may do to one registration, each behind a confirmation step: its path segment (the page's and
 * the API's) names it, its texts are {@code organiser.action.<param>.*}.
 */
enum RegistrationAction {
    CANCEL("cancel"),
    PROMOTE("promote"),
    RESEND_MAIL("resend-mail"),
    /** A pending registration of a moderated conference, with an optional message to the participant. */
    APPROVE("approve"),
    DECLINE("decline");

    private final String param;

    RegistrationAction(String param) {
        this.param = param;
    }

    String param() {
        return param;
    }

    /** Whether the confirmation asks for an optional message to the participant. */
    boolean takesMessage() {
        return this == APPROVE || this == DECLINE;
    }

    static Optional<RegistrationAction> of(String param) {
        return Arrays.stream(values()).filter(action -> action.param.equals(param)).findFirst();
    }
}
