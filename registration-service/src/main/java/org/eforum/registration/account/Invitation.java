package org.eforum.registration.account;

import java.time.Instant;
import java.util.List;

import org.eforum.registration.outbox.OutboxEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An invitation to set an organiser account's password, in {@code organiser_invitations}. Its token is kept only as
 * {@code tokenHash} (SHA-256, hex: the token is 256 random bits, so no salt or slow hash is needed); the mail's event
 * waits in {@code outbox} until the relay publishes it, sealed, and removes it. {@code usedAt} is set once, by the
 * one request that sets the password; {@code supersededAt} when the account was invited again.
 */
@Document("organiser_invitations")
public record Invitation(
        @Id String id,
        String username,
        String tokenHash,
        String language,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        @Nullable Instant usedAt,
        @Nullable Instant supersededAt,
        boolean outboxPending,
        @Nullable Instant outboxPendingSince,
        List<OutboxEntry> outbox) {

    static final String COLLECTION = "organiser_invitations";
}
