package org.eforum.registration.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates, lists and disables organiser accounts; a password is stored only as the encoder's hash. */
@Service
public class AccountService {

    private final OrganiserAccounts accounts;
    private final UserDetailsService users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountService(OrganiserAccounts accounts, UserDetailsService users, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** @throws AccountConflictException when a stored or configured account has the username */
    public OrganiserAccount create(AccountRequest request, String operator) {
        if (exists(request.username())) {
            throw new AccountConflictException(request.username());
        }
        // DelegatingPasswordEncoder writes {bcrypt}…, the id of the encoder in front, so it can change later.
        OrganiserAccount account = new OrganiserAccount(request.username(), request.displayName().strip(),
                request.email().strip(), passwords.encode(request.password()), true, clock.instant(), operator, null);
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException raced) {
            throw new AccountConflictException(request.username());
        }
        return account;
    }

    public Optional<OrganiserAccount> find(String username) {
        return accounts.find(username);
    }

    /** @throws AccountNotFoundException when no stored account has the username */
    public OrganiserAccount get(String username) {
        return accounts.find(username).orElseThrow(() -> new AccountNotFoundException(username));
    }

    public List<OrganiserAccount> all() {
        return accounts.all();
    }

    public OrganiserAccount disable(String username) {
        return accounts.disable(username, clock.instant()).orElseThrow(() -> new AccountNotFoundException(username));
    }

    /** Whether anyone, stored or configured, can log in as {@code username} with the ORGANISER role. */
    public boolean isOrganiser(String username) {
        try {
            return users.loadUserByUsername(username).getAuthorities().stream()
                    .anyMatch(authority -> "ROLE_ORGANISER".equals(authority.getAuthority()));
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    /** Whether a stored or configured account has the username. */
    boolean exists(String username) {
        try {
            users.loadUserByUsername(username);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }
}
