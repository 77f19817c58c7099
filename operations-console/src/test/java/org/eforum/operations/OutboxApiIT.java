package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The console shows registration-service's outbox, asking for it with its own operator credentials. */
class OutboxApiIT extends ConsoleIntegrationSupport {

    @Test
    void theOperatorSeesEveryCollectionsPendingOutboxAndTheAgeOfTheOldest() throws Exception {
        HttpResponse<String> response = get("/api/outbox", "operator", "operator-pw");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(REGISTRATION_SERVICE.lastAuthorization).isEqualTo(RegistrationServiceStub.EXPECTED_AUTHORIZATION);
        JsonNode outbox = JSON.readTree(response.body()).get(0);
        assertThat(outbox.get("service").asString()).isEqualTo("registration-service");
        assertThat(outbox.get("url").asString()).isEqualTo(REGISTRATION_SERVICE.url());
        assertThat(outbox.get("checkedAt").asString()).isEqualTo("2027-01-01T10:00:00Z");
        JsonNode registrations = outbox.get("collections").get(1);
        assertThat(registrations.get("collection").asString()).isEqualTo("registrations");
        assertThat(registrations.get("pending").asLong()).isEqualTo(2);
        assertThat(registrations.get("oldestPendingSince").asString()).isEqualTo("2027-01-01T09:58:30Z");
        assertThat(registrations.get("oldestAgeSeconds").asLong()).isEqualTo(90);
        assertThat(outbox.get("collections").get(0).get("oldestAgeSeconds").isNull()).isTrue();
    }
}
