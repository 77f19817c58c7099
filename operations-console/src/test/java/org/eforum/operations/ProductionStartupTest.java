package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Outside the local profile there are no defaults: started without one of its credentials or secrets, the service
 * stops before it serves anything and its report names the setting (what an operator of docker-compose sees).
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupTest {

    private static final String[] CONSOLE_CREDENTIALS = {"eforum.console.credentials.username=operator",
            "eforum.console.credentials.password=operator-pw"};

    // A bcrypt hash (cost 4) of "operator".
    private static final String[] HASHED_ACCOUNT = {"eforum.security.accounts[0].username=operator",
            "eforum.security.accounts[0].password={bcrypt}$2a$04$Y5IjzSuz3R3Ksm39jZb97.enAOp2jKY4pcMRFLFuQHplkVXp9pvIG",
            "eforum.security.accounts[0].roles[0]=OPERATOR"};

    @Test
    void withoutAccountsItRefusesToStartAndNamesTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start(CONSOLE_CREDENTIALS)).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("No accounts are configured (eforum.security.accounts)")
                .contains("EFORUM_SECURITY_ACCOUNTS_0_PASSWORD");
    }

    @Test
    void withThePlainLocalPasswordItRefusesToStart(CapturedOutput output) {
        assertThatThrownBy(() -> start(concat(CONSOLE_CREDENTIALS, new String[] {"eforum.security.accounts[0].username=operator",
                "eforum.security.accounts[0].password={noop}operator", "eforum.security.accounts[0].roles[0]=OPERATOR"})))
                .isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("eforum.security.accounts[0].password is not a hashed password");
    }

    @Test
    void withoutTheConsolesOwnCredentialsItRefusesToStartAndNamesTheVariables(CapturedOutput output) {
        assertThatThrownBy(() -> start(HASHED_ACCOUNT)).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("eforum.console.credentials.username and .password")
                .contains("EFORUM_CONSOLE_CREDENTIALS_PASSWORD");
    }

    /** The service as docker-compose starts it, with the settings given as arguments. */
    private static void start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                // No broker runs here, and none is needed to refuse.
                "--spring.kafka.admin.auto-create=false", "--spring.kafka.bootstrap-servers=127.0.0.1:9"));
        Stream.of(settings).map(setting -> "--" + setting).forEach(arguments::add);
        new SpringApplicationBuilder(OperationsConsoleApplication.class)
                .run(arguments.toArray(String[]::new)).close();
    }

    private static String[] concat(String[]... settings) {
        return Stream.of(settings).flatMap(Stream::of).toArray(String[]::new);
    }
}
