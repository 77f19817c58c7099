package org.eforum.testsupport.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eforum.testsupport.MongoWireServerInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Outside the local profile there are no defaults: started without its accounts, or with the local profile's
 * plain password, a service stops before it serves anything and its report names the setting (what an operator
 * of docker-compose sees). Each service's test names the application and the settings it needs besides the
 * accounts, and adds the checks of its own secrets.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class ProductionStartupContract {

    /** A bcrypt hash (cost 4) of "operator". */
    protected static final String OPERATOR_HASH = "{bcrypt}$2a$04$Y5IjzSuz3R3Ksm39jZb97.enAOp2jKY4pcMRFLFuQHplkVXp9pvIG";

    /** The service's application class. */
    protected abstract Class<?> application();

    /** Everything the service needs besides its accounts (its secrets), so that only the accounts are missing. */
    protected abstract String[] settingsBesidesAccounts();

    /** Whether the service talks to a store: it then gets a MongoDB-wire server, as in its other tests. */
    protected boolean usesStore() {
        return true;
    }

    /** Whether the service derives person ids, and so needs the address key the services share. */
    protected boolean usesAddressKey() {
        return true;
    }

    @Test
    void withoutTheAddressKeyItRefusesToStartAndNamesTheVariable(CapturedOutput output) {
        assumeTrue(usesAddressKey(), "this service derives no person ids");
        // the tests' own address key (config/application.properties) is taken away
        assertThatThrownBy(() -> start(concat(settingsBesidesAccounts(), account("operator", OPERATOR_HASH,
                "OPERATOR"), new String[] {"eforum.privacy.address-key="}))).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("eforum.privacy.address-key is not set")
                .contains("EFORUM_PRIVACY_ADDRESS_KEY");
    }

    @Test
    void withoutAccountsItRefusesToStartAndNamesTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start(settingsBesidesAccounts())).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("No accounts are configured (eforum.security.accounts)")
                .contains("EFORUM_SECURITY_ACCOUNTS_0_PASSWORD");
    }

    @Test
    void withThePlainLocalPasswordItRefusesToStart(CapturedOutput output) {
        assertThatThrownBy(() -> start(concat(settingsBesidesAccounts(), account("operator", "{noop}operator",
                "OPERATOR")))).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("eforum.security.accounts[0].password is not a hashed password");
    }

    /** The service as docker-compose starts it, with the settings given as arguments. */
    protected void start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                // No broker runs here, and none is needed to refuse.
                "--spring.kafka.admin.auto-create=false", "--spring.kafka.bootstrap-servers=127.0.0.1:9"));
        Stream.of(settings).map(setting -> "--" + setting).forEach(arguments::add);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application());
        if (usesStore()) {
            builder.initializers(new MongoWireServerInitializer());
        }
        builder.run(arguments.toArray(String[]::new)).close();
    }

    /** The settings of account 0. */
    protected static String[] account(String username, String password, String role) {
        return new String[] {"eforum.security.accounts[0].username=" + username,
                "eforum.security.accounts[0].password=" + password, "eforum.security.accounts[0].roles[0]=" + role};
    }

    protected static String[] concat(String[]... settings) {
        return Stream.of(settings).flatMap(Stream::of).toArray(String[]::new);
    }
}
