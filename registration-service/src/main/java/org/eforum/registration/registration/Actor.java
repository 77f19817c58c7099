package org.eforum.registration.registration;

import org.eforum.registration.conference.TeamAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Who made a change of a registration, as its history names them: the participant (the form, their link), the
 * system (an automatic promotion, a link mailed again after a repeat), or an organiser or operator by username.
 */
public record Actor(Kind kind, @Nullable String username) {

    public enum Kind { PARTICIPANT, SYSTEM, ORGANISER, OPERATOR }

    public static Actor participant() {
        return new Actor(Kind.PARTICIPANT, null);
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, null);
    }

    public static Actor organiser(String username) {
        return new Actor(Kind.ORGANISER, username);
    }

    public static Actor operator(@Nullable String username) {
        return new Actor(Kind.OPERATOR, username);
    }

    /** Whoever is logged in to the workspace or the API: an operator, or an organiser of the conference. */
    public static Actor of(Authentication caller) {
        return TeamAccess.isOperator(caller) ? operator(caller.getName()) : organiser(caller.getName());
    }
}
