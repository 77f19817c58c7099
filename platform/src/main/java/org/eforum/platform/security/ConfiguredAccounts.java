package org.eforum.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The accounts of {@code eforum.security.accounts}, fixed at start. Unlike {@code InMemoryUserDetailsManager} it
 * does not take part in Spring Security's password upgrade: a re-hash kept in memory would be forgotten at the next
 * start and would only make every later login pay a cost the configured hash did not ask for. A username that is not
 * configured is looked up in the app's {@link AccountStore}, when it has one.
 */
final class ConfiguredAccounts implements UserDetailsService {

    private final Map<String, UserDetails> byUsername;

    private final @Nullable AccountStore store;

    ConfiguredAccounts(List<UserDetails> users, @Nullable AccountStore store) {
        this.byUsername = users.stream().collect(Collectors.toUnmodifiableMap(UserDetails::getUsername, Function.identity()));
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails user = byUsername.get(username);
        if (user == null) {
            return Optional.ofNullable(store).flatMap(accounts -> accounts.find(username))
                    .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        }
        // A copy: Spring Security erases the password of the instance it authenticated.
        return User.withUserDetails(user).build();
    }
}
