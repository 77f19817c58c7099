package org.eforum.registration.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.kafka.CloudEventHeaders;
import org.eforum.registration.IntegrationSupport;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A person asks to be forgotten: their seat goes to the waiting list, their details are gone, the others hear of it. */
class ErasureIT extends IntegrationSupport {

    @Test
    void erasingAPersonFreesTheSeatForgetsThemAndTellsTheOtherServices() {
        String conference = createConference("erasure", 1);
        JsonNode ana = json(register(conference, registrationJson("Ana", "Erased", "Ana.Erased@example.org")));
        JsonNode boris = json(register(conference, registrationJson("Boris", "Waiting", "boris.waiting@example.org")));
        assertThat(boris.path("status").asString()).isEqualTo("WAITLISTED");

        HttpResponse<String> erased = postJson("/api/erasures", "{\"email\": \"ana.erased@EXAMPLE.org\"}", OPERATOR);

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
        String hash = EmailHash.of("Ana.Erased@example.org");
        assertThat(json(erased).path("emailHash").asString()).isEqualTo(hash);
        assertThat(json(erased).path("registrationsErased").asInt()).isEqualTo(1);

        // the seat went to the first in line
        String borisStatus = json(get("/api/registrations/" + boris.path("id").asString() + "?token="
                + tokenOf(boris.path("selfServiceUrl").asString()), "application/json", null)).path("status").asString();
        assertThat(borisStatus).isEqualTo("CONFIRMED");
        // the participant's own link no longer opens anything
        assertThat(get("/api/registrations/" + ana.path("id").asString() + "?token="
                + tokenOf(ana.path("selfServiceUrl").asString()), "application/json", null).statusCode()).isEqualTo(404);
        // the organisers' list keeps the (cancelled) line but not the person
        String list = get("/api/conferences/" + conference + "/registrations", "application/json", ORGANISER).body();
        assertThat(list).doesNotContainIgnoringCase("ana.erased").doesNotContain("Ana\"").contains("[erased]");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> erasures = EventLog.readAll(bootstrapServers, Topics.ERASURES);
            assertThat(erasures).anySatisfy(record -> {
                assertThat(record.key()).isEqualTo(hash);
                assertThat(CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE))
                        .contains("org.eforum.erasure.requested.v1");
                assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .contains("\"requestedBy\":\"operator\"").doesNotContainIgnoringCase("ana.erased");
            });
        });
    }

    @Test
    void onlyOperatorsMayEraseAndTheAddressMustBeValid() {
        assertThat(postJson("/api/erasures", "{\"email\": \"someone@example.org\"}", null).statusCode()).isEqualTo(401);
        // An erasure reaches every conference of the address, also those outside an organiser's teams.
        assertThat(postJson("/api/erasures", "{\"email\": \"someone@example.org\"}", ORGANISER).statusCode())
                .isEqualTo(403);
        HttpResponse<String> invalid = postJson("/api/erasures", "{\"email\": \"not-an-address\"}", OPERATOR);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(errorFields(invalid)).containsExactly("email");
        assertThat(postJson("/api/erasures", "{\"email\": \"a@example.org\", \"extra\": 1}", OPERATOR).statusCode())
                .isEqualTo(400);
    }
}
