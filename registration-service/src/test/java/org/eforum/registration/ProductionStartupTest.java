package org.eforum.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eforum.testsupport.startup.ProductionStartupContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** Outside the local profile registration-service refuses to start without its accounts, token secret or organiser. */
class ProductionStartupTest extends ProductionStartupContract {

    private static final String TOKEN_SECRET = "eforum.registration.token-secret=production-startup-test-secret-0123456789";
    // A bcrypt hash (cost 4) of "organiser".
    private static final String[] HASHED_ACCOUNT = account("organiser",
            "{bcrypt}$2a$04$Ihdkhft1nnAnd7OZpSt3Gebctri9CMjybxGwOtVb.cBYn4h3nxWXe", "ORGANISER");
    private static final String[] ORGANISER = {"eforum.organiser.name=Ministry of Labour and Social Policy",
            "eforum.organiser.email=dpo@mlsp.example.bg"};

    @Override
    protected Class<?> application() {
        return RegistrationServiceApplication.class;
    }

    @Override
    protected String[] settingsBesidesAccounts() {
        return concat(new String[] {TOKEN_SECRET}, ORGANISER);
    }

    @Test
    void withoutTheTokenSecretItRefusesToStartAndNamesTheVariable(CapturedOutput output) {
        assertThatThrownBy(() -> start(concat(HASHED_ACCOUNT, ORGANISER))).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("eforum.registration.token-secret is not set")
                .contains("EFORUM_REGISTRATION_TOKEN_SECRET");
    }

    @Test
    void withoutTheOrganiserItRefusesToStart(CapturedOutput output) {
        assertThatThrownBy(() -> start(concat(HASHED_ACCOUNT, new String[] {TOKEN_SECRET}))).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START").contains("EFORUM_ORGANISER_NAME");
    }
}
