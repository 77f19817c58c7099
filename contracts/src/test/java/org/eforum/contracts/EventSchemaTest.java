package org.eforum.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.eforum.contracts.event.ConferenceEvent;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.ErasureEvent;
import org.eforum.contracts.event.AccountEvent;
import org.eforum.contracts.event.EventType;
import org.eforum.contracts.event.PersonKeyEvent;
import org.eforum.contracts.kafka.EventJson;
import org.junit.jupiter.api.Test;

/** The JSON the services publish is what the published JSON Schemas promise. */
class EventSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://eforum.example.org/schemas/",
                    "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    @Test
    void everyEventTypeAsPublishedValidatesAgainstItsSchema() {
        for (EforumEvent event : SampleEvents.published()) {
            Set<ValidationMessage> problems = schemaFor(event).validate(json(event), InputFormat.JSON);
            assertThat(problems).as(event.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void everyEventTypeHasASampleHereAndAMessageInTheAsyncApiDocument() throws java.io.IOException {
        Set<Class<?>> sampled = new java.util.HashSet<>();
        SampleEvents.all().forEach(event -> sampled.add(event.getClass()));
        String asyncApi;
        try (var in = EventSchemaTest.class.getResourceAsStream("/asyncapi.yaml")) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (EventType type : EventType.values()) {
            assertThat(sampled).as(type.name()).contains(type.recordClass());
            assertThat(asyncApi).as(type.name()).contains("name: " + type.ceType() + "\n");
        }
    }

    @Test
    void theSchemaRejectsAnEventWithItsParticipantInCleartext() {
        EforumEvent cleartext = SampleEvents.all().get(0);
        assertThat(schemaFor(cleartext).validate(json(cleartext), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void theSchemaRejectsAnEventWithoutItsParticipantsConsent() {
        EforumEvent confirmed = SampleEvents.published().get(0);
        String broken = json(confirmed).replace("\"dataProcessing\":true", "\"dataProcessing\":false");
        assertThat(schemaFor(confirmed).validate(broken, InputFormat.JSON)).isNotEmpty();
    }

    private static JsonSchema schemaFor(EforumEvent event) {
        String name = event instanceof ConferenceEvent ? "conference-changed.v1"
                : event instanceof ErasureEvent ? "erasure-requested.v1"
                : event instanceof PersonKeyEvent ? "person-key-issued.v1"
                : event instanceof AccountEvent ? "organiser-invited.v1" : "registration-event.v1";
        return FACTORY.getSchema(SchemaLocation.of("https://eforum.example.org/schemas/" + name + ".schema.json"), CONFIG);
    }

    private static String json(EforumEvent event) {
        return new String(EventJson.write(event), StandardCharsets.UTF_8);
    }
}
