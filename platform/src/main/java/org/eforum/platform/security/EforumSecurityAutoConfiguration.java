package org.eforum.platform.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eforum.platform.startup.RefusedSetting;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users from {@code eforum.security.accounts}. Only the {@code local} profile has default accounts
 * ({@code organiser}/{@code organiser}, {@code organiser2}/{@code organiser2}, {@code operator}/{@code operator})
 * and takes plain-text passwords; anywhere else a service without configured accounts, or with a password that is
 * not a {@code {bcrypt}} or {@code {argon2}} hash, refuses to start, so no deployment runs with a known password.
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(EforumSecurityProperties.class)
public class EforumSecurityAutoConfiguration {

    static final String LOCAL_PROFILE = "local";

    static final List<EforumSecurityProperties.Account> LOCAL_ACCOUNTS = List.of(
            new EforumSecurityProperties.Account("organiser", "{noop}organiser", List.of(Roles.ORGANISER)),
            new EforumSecurityProperties.Account("organiser2", "{noop}organiser2", List.of(Roles.ORGANISER)),
            new EforumSecurityProperties.Account("operator", "{noop}operator", List.of(Roles.OPERATOR)));

    private static final String ACCOUNTS = "eforum.security.accounts";

    @Bean
    @ConditionalOnMissingBean(PasswordEncoder.class)
    PasswordEncoder passwordEncoder() {
        // {bcrypt}, {argon2}, … by the prefix of each stored hash; which prefixes are allowed is ConfiguredPasswords'.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Checks the accounts before any bean is created: a service must refuse to start for want of credentials before
     * it connects to MongoDB or Kafka, not after (or never, while it waits for them).
     */
    @Bean
    static BeanFactoryPostProcessor eforumAccountsCheckedFirst(Environment environment) {
        return beanFactory -> {
            // An app with a UserDetailsService of its own does not use these accounts (eforumUsers then backs off).
            if (List.of(beanFactory.getBeanNamesForType(UserDetailsService.class, true, false)).contains("eforumUsers")) {
                users(Binder.get(environment).bindOrCreate("eforum.security", EforumSecurityProperties.class),
                        isLocal(environment));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    UserDetailsService eforumUsers(EforumSecurityProperties properties, Environment environment,
            ObjectProvider<AccountStore> store) {
        return new ConfiguredAccounts(users(properties, isLocal(environment)), store.getIfAvailable());
    }

    private static boolean isLocal(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
    }

    private static List<UserDetails> users(EforumSecurityProperties properties, boolean local) {
        List<EforumSecurityProperties.Account> accounts = properties.accounts();
        if (accounts.isEmpty() && local) {
            accounts = LOCAL_ACCOUNTS;
        }
        if (accounts.isEmpty()) {
            throw new RefusedSetting(ACCOUNTS, "No accounts are configured (" + ACCOUNTS + "), and outside the "
                    + "'local' profile there is no default one.",
                    "Set " + ACCOUNTS + "[n].username, .password (a {bcrypt} hash) and .roles[0] (ORGANISER or "
                            + "OPERATOR), e.g. EFORUM_SECURITY_ACCOUNTS_0_USERNAME, EFORUM_SECURITY_ACCOUNTS_0_PASSWORD "
                            + "and EFORUM_SECURITY_ACCOUNTS_0_ROLES_0. " + ConfiguredPasswords.HOW_TO_HASH);
        }
        List<UserDetails> users = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            UserDetails user = user(ACCOUNTS + "[" + i + "]", accounts.get(i), local);
            if (!usernames.add(user.getUsername())) {
                throw new RefusedSetting(ACCOUNTS, ACCOUNTS + " names the account '" + user.getUsername() + "' twice.",
                        "Give each account its own username.");
            }
            users.add(user);
        }
        return users;
    }

    private static UserDetails user(String property, EforumSecurityProperties.Account account, boolean local) {
        if (account.username() == null || account.username().isBlank()) {
            throw new RefusedSetting(property + ".username", property + " has no username.",
                    "Set " + property + ".username, or remove the account.");
        }
        if (account.password() == null || account.password().isBlank()) {
            throw new RefusedSetting(property + ".password", property + " ('" + account.username() + "') has no password.",
                    "Set " + property + ".password. " + ConfiguredPasswords.HOW_TO_HASH);
        }
        String password = ConfiguredPasswords.storedForm(property + ".password", account.password(), local);
        return User.withUsername(account.username()).password(password)
                .roles(account.roles().toArray(String[]::new)).build();
    }
}
