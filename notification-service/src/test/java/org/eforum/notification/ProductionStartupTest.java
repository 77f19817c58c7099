package org.eforum.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Outside the local profile there are no defaults: started without one of its credentials or secrets, the service
 * stops before it serves anything and its report names the setting (what an operator of docker-compose sees).
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupTest {

    @Test
    void withoutAccountsItRefusesToStartAndNamesTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start()).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("No accounts are configured (eforum.security.accounts)")
                .contains("EFORUM_SECURITY_ACCOUNTS_0_PASSWORD");
    }

    @Test
    void withThePlainLocalPasswordItRefusesToStart(CapturedOutput output) {
        assertThatThrownBy(() -> start(concat(new String[] {"eforum.security.accounts[0].username=operator",
                "eforum.security.accounts[0].password={noop}operator", "eforum.security.accounts[0].roles[0]=OPERATOR"})))
                .isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("eforum.security.accounts[0].password is not a hashed password");
    }

    /** The service as docker-compose starts it, with the settings given as arguments. */
    private static void start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                // No broker runs here, and none is needed to refuse.
                "--spring.kafka.admin.auto-create=false", "--spring.kafka.bootstrap-servers=127.0.0.1:9"));
        Stream.of(settings).map(setting -> "--" + setting).forEach(arguments::add);
        new SpringApplicationBuilder(NotificationServiceApplication.class).initializers(new MongoWireServerInitializer())
                .run(arguments.toArray(String[]::new)).close();
    }

    private static String[] concat(String[]... settings) {
        return Stream.of(settings).flatMap(Stream::of).toArray(String[]::new);
    }
}
