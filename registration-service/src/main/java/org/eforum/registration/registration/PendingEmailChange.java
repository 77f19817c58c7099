package org.eforum.registration.registration;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.eforum.registration.secret.SecretTokens;

/**
 * An address change the participant asked for and the new address has not confirmed yet, kept in the registration's
 * own document ({@code emailChange}) so that asking for it and its event are one write, and confirming it and its
 * event another. At most one per registration: asking again replaces it (the older link stops working); confirming
 * or erasing removes it. Only the token's SHA-256 is kept.
 */
record PendingEmailChange(String tokenHash, String newEmail, Instant requestedAt, Instant expiresAt) {

    static final String FIELD = "emailChange";

    boolean isValid(String token, Instant now) {
        return now.isBefore(expiresAt) && SecretTokens.matches(token, tokenHash);
    }

    /** The registration's document read for its pending change only (the {@link Registration} record has none). */
    @Document("registrations")
    record Holder(@Id String id, PendingEmailChange emailChange) {
    }
}
