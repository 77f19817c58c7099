package org.eforum.registration.account;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The local stack's organisers, {@code organiser}/{@code organiser} and {@code organiser2}/{@code organiser2}, stored
 * (hashed) like any other before the server takes requests, unless they exist already. The operator stays a
 * configured account ({@code application-local.yml}), as on the other apps.
 */
@Component
@Profile("local")
class LocalOrganisers implements SmartInitializingSingleton {

    static final List<String> USERNAMES = List.of("organiser", "organiser2");

    private final OrganiserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    LocalOrganisers(OrganiserAccounts accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String username : USERNAMES) {
            if (accounts.find(username).isEmpty()) {
                try {
                    accounts.insert(new OrganiserAccount(username, "Local organiser " + username,
                            username + "@eforum.local", passwords.encode(username), true, clock.instant(),
                            "local profile", null));
                } catch (DuplicateKeyException anotherInstanceWasFirst) {
                    // ./run-local --instances 2: the other instance stored it a moment ago
                }
            }
        }
    }
}
