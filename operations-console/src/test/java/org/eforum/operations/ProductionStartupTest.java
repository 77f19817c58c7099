package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eforum.testsupport.startup.ProductionStartupContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** Outside the local profile the console refuses to start without its accounts or its own credentials. */
class ProductionStartupTest extends ProductionStartupContract {

    private static final String[] CONSOLE_CREDENTIALS = {"eforum.console.credentials.username=operator",
            "eforum.console.credentials.password=operator-pw"};

    @Override
    protected Class<?> application() {
        return OperationsConsoleApplication.class;
    }

    @Override
    protected String[] settingsBesidesAccounts() {
        return CONSOLE_CREDENTIALS;
    }

    @Override
    protected boolean usesStore() {
        return false;
    }

    /** Its dead-letter preview shows sealed parts sealed: the console needs no address key. */
    @Override
    protected boolean usesAddressKey() {
        return false;
    }

    @Test
    void withoutTheConsolesOwnCredentialsItRefusesToStartAndNamesTheVariables(CapturedOutput output) {
        assertThatThrownBy(() -> start(account("operator", OPERATOR_HASH, "OPERATOR"))).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("eforum.console.credentials.username and .password")
                .contains("EFORUM_CONSOLE_CREDENTIALS_PASSWORD");
    }
}
