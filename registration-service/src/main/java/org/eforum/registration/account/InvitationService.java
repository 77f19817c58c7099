package org.eforum.registration.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.registration.RegistrationSettings;
import org.eforum.registration.outbox.OutboxEntryFactory;
import org.eforum.registration.secret.SecretTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Invitations to organiser accounts: the operator names the account and an address; the account is stored as invited
 * (it cannot log in), and the invitation's mail goes out through notification-service as an
 * {@link OrganiserInvited} event in the invitation's own outbox (one atomic write with the invitation). The link
 * works once, until it expires; using it sets the password and makes the account active.
 */
@Service
public class InvitationService {

    private final AccountService accountService;
    private final OrganiserAccounts accounts;
    private final Invitations invitations;
    private final OutboxEntryFactory outbox;
    private final PasswordEncoder passwords;
    private final InvitationSettings settings;
    private final String publicBaseUrl;
    private final Clock clock;

    InvitationService(AccountService accountService, OrganiserAccounts accounts, Invitations invitations,
            OutboxEntryFactory outbox, PasswordEncoder passwords, InvitationSettings settings,
            RegistrationSettings registration, Clock clock) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.invitations = invitations;
        this.outbox = outbox;
        this.passwords = passwords;
        this.settings = settings;
        this.publicBaseUrl = registration.publicBaseUrl();
        this.clock = clock;
    }

    /**
     * Stores the account as invited (or, when it is invited already and has never set a password, gives it the new
     * name and address and supersedes its earlier links) and the invitation with its mail's event.
     *
     * @throws AccountConflictException when an active, disabled or configured account has the username
     */
    public InvitationView invite(InvitationRequest request, String operator) {
        Instant now = clock.instant();
        String username = request.username();
        String email = request.email().strip();
        String displayName = request.displayName() == null || request.displayName().isBlank() ? username
                : request.displayName().strip();
        OrganiserAccount account = accounts.find(username).isPresent()
                ? accounts.inviteAgain(username, displayName, email)
                        .orElseThrow(() -> new AccountConflictException(username))
                : storeInvited(username, displayName, email, operator, now);
        invitations.supersedeOpen(username, now);

        String id = UUID.randomUUID().toString();
        String token = SecretTokens.generate();
        Instant expiresAt = now.plus(settings.validity());
        OrganiserInvited invited = new OrganiserInvited(UUID.randomUUID(), now, username, id, request.language(),
                expiresAt, operator, request.displayName() == null || request.displayName().isBlank() ? null
                        : displayName, email, linkFor(id, token, request.language()));
        invitations.insert(new Invitation(id, username, SecretTokens.hash(token), request.language(), now, operator,
                expiresAt, null, null, true, now, List.of(outbox.of(invited))));
        return new InvitationView(AccountView.of(account), id, request.language(), expiresAt);
    }

    /** How long a link works. */
    public Duration validity() {
        return settings.validity();
    }

    /**
     * The invitation the link names, if it still works.
     *
     * @throws InvitationRefusedException why it does not
     */
    public Invitation check(String id, @Nullable String token) {
        Invitation invitation = find(id, token);
        Instant now = clock.instant();
        if (invitation.usedAt() != null) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.USED);
        }
        if (invitation.supersededAt() != null) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.SUPERSEDED);
        }
        if (!invitation.expiresAt().isAfter(now)) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.EXPIRED);
        }
        if (accounts.find(invitation.username()).map(OrganiserAccount::state).orElse(AccountState.DISABLED)
                != AccountState.INVITED) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.DISABLED);
        }
        return invitation;
    }

    /**
     * Uses the invitation once: sets the account's password (as the encoder's hash) and makes it active. The
     * caller has checked the password against {@link AccountRequest}'s length rule.
     *
     * @throws InvitationRefusedException when the link does not work (nothing changes then)
     */
    public OrganiserAccount accept(String id, @Nullable String token, String password) {
        Invitation invitation = check(id, token);
        Invitation used = invitations.use(invitation.id(), clock.instant()).orElseThrow(() -> {
            check(id, token); // used, superseded or expired a moment ago: say which
            return new InvitationRefusedException(InvitationRefusedException.Reason.USED);
        });
        return accounts.activate(used.username(), passwords.encode(password))
                .orElseThrow(() -> new InvitationRefusedException(InvitationRefusedException.Reason.DISABLED));
    }

    private Invitation find(String id, @Nullable String token) {
        Optional<Invitation> invitation = id.matches("[0-9a-f-]{36}") ? invitations.find(id) : Optional.empty();
        return invitation.filter(found -> token != null && SecretTokens.matches(token, found.tokenHash()))
                .orElseThrow(() -> new InvitationRefusedException(InvitationRefusedException.Reason.UNKNOWN));
    }

    private OrganiserAccount storeInvited(String username, String displayName, String email, String operator,
            Instant now) {
        if (accountService.exists(username)) {
            throw new AccountConflictException(username); // a configured account
        }
        OrganiserAccount account = new OrganiserAccount(username, displayName, email, null, false, now, operator, null);
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException raced) {
            throw new AccountConflictException(username);
        }
        return account;
    }

    private String linkFor(String id, String token, String language) {
        return publicBaseUrl + "/organiser/invitations/" + id + "?token=" + token + "&lang=" + language;
    }
}
