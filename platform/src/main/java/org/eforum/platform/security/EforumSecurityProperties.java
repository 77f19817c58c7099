package org.eforum.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accounts that may call the protected endpoints of a service (HTTP Basic and the pages' login form).
 * Outside the {@code local} profile each password is a {@code {bcrypt}…} or {@code {argon2}…} hash; in it, a password
 * without a {@code {id}} prefix is taken as plain text.
 */
@ConfigurationProperties("eforum.security")
public record EforumSecurityProperties(List<Account> accounts) {

    public EforumSecurityProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    public record Account(String username, String password, List<String> roles) {
        public Account {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
