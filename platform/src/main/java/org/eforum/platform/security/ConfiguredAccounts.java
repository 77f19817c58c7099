package org.eforum.platform.security;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The accounts of {@code eforum.security.accounts}, fixed at start. Unlike {@code InMemoryUserDetailsManager} it
 * does not take part in Spring Security's password upgrade: a re-hash kept in memory would be forgotten at the next
 * start and would only make every later login pay a cost the configured hash did not ask for.
 */
final class ConfiguredAccounts implements UserDetailsService {

    private final Map<String, UserDetails> byUsername;

    ConfiguredAccounts(List<UserDetails> users) {
        this.byUsername = users.stream().collect(Collectors.toUnmodifiableMap(UserDetails::getUsername, Function.identity()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails user = byUsername.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("No such account");
        }
        // A copy: Spring Security erases the password of the instance it authenticated.
        return User.withUserDetails(user).build();
    }
}
