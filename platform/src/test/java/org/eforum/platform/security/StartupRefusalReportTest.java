package org.eforum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What an operator reads when an app is started outside the local profile without proper credentials. */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalReportTest {

    @Test
    void anAppWithoutAccountsPrintsWhichPropertyToSetInsteadOfAStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> AccountsTestApp.builder().run()).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("E-Forum refuses to start: No accounts are configured (eforum.security.accounts)")
                .contains("Action:")
                .contains("EFORUM_SECURITY_ACCOUNTS_0_USERNAME");
    }

    @Test
    void aNoopPasswordIsReportedWithTheAccountsPropertyAndHowToHashOne(CapturedOutput output) {
        assertThatThrownBy(() -> AccountsTestApp.builder("eforum.security.accounts[0].username=operator",
                "eforum.security.accounts[0].password={noop}operator").run()).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("eforum.security.accounts[0].password is not a hashed password")
                .contains("htpasswd -bnBC 10");
    }
}
