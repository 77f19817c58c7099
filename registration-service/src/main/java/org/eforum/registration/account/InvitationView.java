package org.eforum.registration.account;

import java.time.Instant;

/** What the operator learns of an invitation: the account (state {@code INVITED}) and until when the link works; never the token. */
public record InvitationView(AccountView account, String invitationId, String language, Instant expiresAt) {
}
