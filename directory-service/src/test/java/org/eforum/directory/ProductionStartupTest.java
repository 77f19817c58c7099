package org.eforum.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eforum.testsupport.startup.ProductionStartupContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** Outside the local profile the directory refuses to start without its accounts or its public-id secret. */
class ProductionStartupTest extends ProductionStartupContract {

    private static final String SECRET = "eforum.directory.public-id-secret=production-startup-test-secret-0123456789";

    @Override
    protected Class<?> application() {
        return DirectoryServiceApplication.class;
    }

    @Override
    protected String[] settingsBesidesAccounts() {
        return new String[] {SECRET};
    }

    @Test
    void withoutThePublicIdSecretItRefusesToStartAndNamesTheVariable(CapturedOutput output) {
        assertThatThrownBy(() -> start(account("operator", OPERATOR_HASH, "OPERATOR"))).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("eforum.directory.public-id-secret is not set")
                .contains("EFORUM_DIRECTORY_PUBLIC_ID_SECRET");
    }
}
