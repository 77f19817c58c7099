package org.eforum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.eforum.platform.startup.RefusedSetting;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Which configured accounts an app starts with, and which it refuses, inside and outside the local profile. */
class EforumSecurityAutoConfigurationTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EforumSecurityAutoConfiguration.class));

    @Test
    void withoutAccountsOutsideTheLocalProfileTheAppRefusesToStartNamingTheProperty() {
        app.run(context -> assertThat(context).getFailure()
                .isInstanceOf(RefusedSetting.class)
                .hasMessageContaining("No accounts are configured (eforum.security.accounts)")
                .hasMessageContaining("EFORUM_SECURITY_ACCOUNTS_0_PASSWORD"));
    }

    @Test
    void aNoopPasswordOutsideTheLocalProfileIsRefused() {
        app.withPropertyValues(account("organiser", "{noop}organiser")).run(context ->
                assertThat(context).getFailure()
                        .isInstanceOf(RefusedSetting.class)
                        .hasMessageContaining("eforum.security.accounts[0].password is not a hashed password")
                        .hasMessageContaining("htpasswd"));
    }

    @Test
    void aPlainPasswordOutsideTheLocalProfileIsRefused() {
        app.withPropertyValues(account("organiser", "organiser")).run(context ->
                assertThat(context).getFailure()
                        .isInstanceOf(RefusedSetting.class)
                        .hasMessageContaining("eforum.security.accounts[0].password is not a hashed password"));
    }

    @Test
    void aBcryptHashCutShortByVariableExpansionIsRefusedAtStartNotAtEveryLogin() {
        // What a shell or compose leaves of {bcrypt}$2y$10$… when each $… is read as an (empty) variable.
        app.withPropertyValues(account("organiser", "{bcrypt}")).run(context ->
                assertThat(context).getFailure()
                        .isInstanceOf(RefusedSetting.class)
                        .hasMessageContaining("starts with {bcrypt} but is not a whole hash"));
    }

    @Test
    void bcryptAndArgon2HashesAreAcceptedAndCheckTheirPasswords() {
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("organiser-pw");
        String argon2 = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("operator-pw");
        app.withPropertyValues(account("organiser", bcrypt))
                .withPropertyValues("eforum.security.accounts[1].username=operator",
                        "eforum.security.accounts[1].password=" + argon2, "eforum.security.accounts[1].roles[0]=OPERATOR")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(checks(context.getBean(PasswordEncoder.class),
                            context.getBean(UserDetailsService.class).loadUserByUsername("organiser"), "organiser-pw"))
                            .isTrue();
                    assertThat(checks(context.getBean(PasswordEncoder.class),
                            context.getBean(UserDetailsService.class).loadUserByUsername("operator"), "operator-pw"))
                            .isTrue();
                    assertThat(checks(context.getBean(PasswordEncoder.class),
                            context.getBean(UserDetailsService.class).loadUserByUsername("operator"), "organiser-pw"))
                            .isFalse();
                });
    }

    @Test
    void theLocalProfileHasTheContractsLocalAccounts() {
        app.withPropertyValues("spring.profiles.active=local").run(context -> {
            UserDetailsService users = context.getBean(UserDetailsService.class);
            PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
            assertThat(checks(encoder, users.loadUserByUsername("organiser"), "organiser")).isTrue();
            assertThat(checks(encoder, users.loadUserByUsername("organiser2"), "organiser2")).isTrue();
            assertThat(checks(encoder, users.loadUserByUsername("operator"), "operator")).isTrue();
            assertThat(users.loadUserByUsername("operator").getAuthorities()).extracting(Object::toString)
                    .containsExactly("ROLE_OPERATOR");
        });
    }

    @Test
    void theLocalProfileStillTakesAPlainPasswordFromConfiguration() {
        app.withPropertyValues("spring.profiles.active=local").withPropertyValues(account("organiser", "local-pw"))
                .run(context -> assertThat(checks(context.getBean(PasswordEncoder.class),
                        context.getBean(UserDetailsService.class).loadUserByUsername("organiser"), "local-pw")).isTrue());
    }

    @Test
    void theSameUsernameTwiceIsRefused() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("pw");
        app.withPropertyValues(account("organiser", hash))
                .withPropertyValues("eforum.security.accounts[1].username=organiser", "eforum.security.accounts[1].password=" + hash)
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("names the account 'organiser' twice"));
    }

    private static String[] account(String username, String password) {
        return new String[] {"eforum.security.accounts[0].username=" + username,
                "eforum.security.accounts[0].password=" + password, "eforum.security.accounts[0].roles[0]=ORGANISER"};
    }

    private static boolean checks(PasswordEncoder encoder, UserDetails user, String password) {
        return encoder.matches(password, user.getPassword());
    }
}
