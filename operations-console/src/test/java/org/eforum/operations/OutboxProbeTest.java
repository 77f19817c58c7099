package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.eforum.operations.outbox.OutboxProbe;
import org.eforum.operations.service.ConsoleSettings;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class OutboxProbeTest {

    private static final RegistrationServiceStub STUB = new RegistrationServiceStub();

    @Test
    void aServiceThatDoesNotAnswerIsA503Problem() {
        OutboxProbe probe = probe("http://localhost:1", "operator-pw");

        assertThatThrownBy(probe::all).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(503);
            assertThat(e.getBody().getTitle()).isEqualTo("registration-service unreachable");
        });
    }

    @Test
    void credentialsTheServiceRefusesAreA502ProblemThatNamesTheSetting() {
        OutboxProbe probe = probe(STUB.url(), "wrong");

        assertThatThrownBy(probe::all).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(502);
            assertThat(e.getBody().getDetail()).contains("eforum.console.credentials.username 'operator'");
        });
    }

    @Test
    void withoutCredentialsTheConsoleDoesNotStart() {
        assertThatThrownBy(() -> new ConsoleSettings(Map.of(), null, null, new ConsoleSettings.Credentials("operator", "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("eforum.console.credentials.username")
                .hasMessageContaining("only in the 'local' profile");
    }

    private static OutboxProbe probe(String url, String password) {
        return new OutboxProbe(new ConsoleSettings(Map.of("registration-service", URI.create(url)), null, null,
                new ConsoleSettings.Credentials("operator", password)));
    }
}
