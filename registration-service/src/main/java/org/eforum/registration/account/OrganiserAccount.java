package org.eforum.registration.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organiser's account. {@code passwordHash} is what {@code DelegatingPasswordEncoder} wrote ({@code {bcrypt}…}),
 * never the password; a disabled account keeps its record (teams still name it) but cannot log in. An invited
 * account has no password yet and is not enabled until the invitee sets one ({@link AccountState#INVITED}).
 */
@Document("organiser_accounts")
public record OrganiserAccount(
        @Id String username,
        String displayName,
        String email,
        @Nullable String passwordHash,
        boolean enabled,
        Instant createdAt,
        String createdBy,
        @Nullable Instant disabledAt) {

    /** Derived from the fields, so accounts stored before invitations need nothing new. */
    public AccountState state() {
        if (disabledAt != null) {
            return AccountState.DISABLED;
        }
        return enabled ? AccountState.ACTIVE : AccountState.INVITED;
    }
}
