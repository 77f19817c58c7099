package org.eforum.contracts.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An operator invited someone to an organiser account: mail them, in {@code language}, the link on which they set
 * the account's password before {@code expiresAt}. The link carries the invitation's secret token, so on Kafka
 * {@code email}, {@code displayName} and {@code invitationUrl} travel only inside {@code personal}, sealed with the
 * invitee's person key like a participant's fields (see {@code org.eforum.contracts.privacy.PersonalData}); consumers
 * open it and work with the cleartext form, where {@code personal} is null.
 *
 * @param invitationId  the invitation's id (one account may be invited again: each invitation has its own)
 * @param language      {@code bg} or {@code en}: the mail's and the link's page's language
 * @param displayName   the invitee's name as the operator typed it; may be absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganiserInvited(
        UUID eventId,
        Instant occurredAt,
        String username,
        String invitationId,
        String language,
        Instant expiresAt,
        @Nullable String invitedBy,
        @Nullable String displayName,
        @Nullable String email,
        @Nullable String invitationUrl,
        @Nullable SealedPersonal personal) implements AccountEvent {

    /** The cleartext form, as registration-service writes it into the invitation's outbox. */
    public OrganiserInvited(UUID eventId, Instant occurredAt, String username, String invitationId, String language,
            Instant expiresAt, String invitedBy, @Nullable String displayName, String email, String invitationUrl) {
        this(eventId, occurredAt, username, invitationId, language, expiresAt, invitedBy, displayName, email,
                invitationUrl, null);
    }

    /** Whether the personal fields are still sealed (then they are null here). */
    @JsonIgnore
    public boolean isSealed() {
        return personal != null;
    }

    @Override
    public String toString() {
        return "OrganiserInvited[eventId=" + eventId + ", username=" + username + ", invitationId=" + invitationId
                + ", language=" + language + (isSealed() ? ", sealed]" : ", link hidden]"); // the token never in a log
    }
}
