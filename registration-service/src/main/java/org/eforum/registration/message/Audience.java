package org.eforum.registration.message;

import java.util.EnumSet;
import java.util.Set;

import org.eforum.contracts.event.RegistrationStatus;

/** Whom a message goes to. Cancelled registrations are in none: they left the conference. */
public enum Audience {
    ALL(EnumSet.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)),
    CONFIRMED(EnumSet.of(RegistrationStatus.CONFIRMED)),
    WAITLISTED(EnumSet.of(RegistrationStatus.WAITLISTED));

    private final Set<RegistrationStatus> statuses;

    Audience(Set<RegistrationStatus> statuses) {
        this.statuses = statuses;
    }

    public Set<RegistrationStatus> statuses() {
        return EnumSet.copyOf(statuses);
    }
}
