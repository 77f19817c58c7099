package org.eforum.platform.security;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Users from {@code eforum.security.accounts}. Only the {@code local} profile has default accounts
 * ({@code organiser}/{@code organiser}, {@code operator}/{@code operator}); anywhere else a service without
 * configured accounts refuses to start, so no deployment ever runs with a known password.
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(EforumSecurityProperties.class)
public class EforumSecurityAutoConfiguration {

    static final List<EforumSecurityProperties.Account> LOCAL_ACCOUNTS = List.of(
            new EforumSecurityProperties.Account("organiser", "organiser", List.of(Roles.ORGANISER)),
            new EforumSecurityProperties.Account("operator", "operator", List.of(Roles.OPERATOR)));

    @Bean
    @ConditionalOnMissingBean(PasswordEncoder.class)
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    InMemoryUserDetailsManager eforumUsers(EforumSecurityProperties properties, Environment environment) {
        List<EforumSecurityProperties.Account> accounts = properties.accounts();
        if (accounts.isEmpty() && environment.acceptsProfiles(Profiles.of("local"))) {
            accounts = LOCAL_ACCOUNTS;
        }
        if (accounts.isEmpty()) {
            throw new IllegalStateException("No accounts configured. Set eforum.security.accounts[n].username, "
                    + ".password and .roles (ORGANISER, OPERATOR), e.g. through EFORUM_SECURITY_ACCOUNTS_0_USERNAME; "
                    + "default credentials exist only in the 'local' profile.");
        }
        return new InMemoryUserDetailsManager(accounts.stream().map(EforumSecurityAutoConfiguration::user).toList());
    }

    private static UserDetails user(EforumSecurityProperties.Account account) {
        if (account.username() == null || account.username().isBlank()
                || account.password() == null || account.password().isBlank()) {
            throw new IllegalStateException("An account in eforum.security.accounts has no username or password");
        }
        // Plain text from configuration is marked {noop}; an encoded value ({bcrypt}…) is used as it is.
        String password = account.password().startsWith("{") ? account.password() : "{noop}" + account.password();
        return User.withUsername(account.username()).password(password)
                .roles(account.roles().toArray(String[]::new)).build();
    }
}
