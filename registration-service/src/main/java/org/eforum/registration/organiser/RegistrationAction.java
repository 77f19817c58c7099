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
    RESEND_MAIL("resend-mail");

    private final String param;

    RegistrationAction(String param) {
        this.param = param;
    }

    String param() {
        return param;
    }

    static Optional<RegistrationAction> of(String param) {
        return Arrays.stream(values()).filter(action -> action.param.equals(param)).findFirst();
    }
}
