package org.eforum.registration.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organiser's account. {@code passwordHash} is what {@code DelegatingPasswordEncoder} wrote ({@code {bcrypt}…}),
 * never the password; a disabled account keeps its record (teams still name it) but cannot log in.
 */
@Document("organiser_accounts")
public record OrganiserAccount(
        @Id String username,
        String displayName,
        String email,
        String passwordHash,
        boolean enabled,
        Instant createdAt,
        String createdBy,
        @Nullable Instant disabledAt) {
}
