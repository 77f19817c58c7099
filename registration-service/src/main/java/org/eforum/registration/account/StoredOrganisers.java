package org.eforum.registration.account;

import java.util.Optional;

import org.eforum.platform.security.AccountStore;
import org.eforum.platform.security.Roles;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The stored accounts as the platform's user service sees them: role ORGANISER, disabled and invited ones refused at
 * login (an invited account has no password yet: it stands in a hash that no password matches).
 */
@Component
class StoredOrganisers implements AccountStore {

    /** Not a bcrypt hash at all, so it matches nothing; and the account is disabled before a password is checked. */
    private static final String NO_PASSWORD = "{bcrypt}none";

    private final OrganiserAccounts accounts;

    StoredOrganisers(OrganiserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<UserDetails> find(String username) {
        return accounts.find(username).map(account -> User.withUsername(account.username())
                .password(account.passwordHash() == null ? NO_PASSWORD : account.passwordHash())
                .disabled(!account.enabled()).roles(Roles.ORGANISER).build());
    }
}
