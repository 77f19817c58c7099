package org.eforum.registration.account;

import java.util.Optional;

import org.eforum.platform.security.AccountStore;
import org.eforum.platform.security.Roles;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** The stored accounts as the platform's user service sees them: role ORGANISER, disabled ones refused at login. */
@Component
class StoredOrganisers implements AccountStore {

    private final OrganiserAccounts accounts;

    StoredOrganisers(OrganiserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<UserDetails> find(String username) {
        return accounts.find(username).map(account -> User.withUsername(account.username())
                .password(account.passwordHash()).disabled(!account.enabled()).roles(Roles.ORGANISER).build());
    }
}
