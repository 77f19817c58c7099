package org.eforum.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.EventType;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.kafka.CloudEventDeserializer;
import org.eforum.contracts.kafka.CloudEventHeaders;
import org.eforum.contracts.kafka.CloudEventSerializer;
import org.eforum.contracts.kafka.EventJson;
import org.eforum.contracts.kafka.MalformedEventException;
import org.junit.jupiter.api.Test;

class CloudEventBindingTest {

    private final CloudEventSerializer serializer = new CloudEventSerializer("/eforum/test");
    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

    @Test
    void everyEventSurvivesTheRoundTripWithBinaryModeHeaders() {
        for (EforumEvent event : SampleEvents.all()) {
            RecordHeaders headers = new RecordHeaders();
            byte[] data = serializer.serialize(Topics.REGISTRATIONS, headers, event);

            assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(headers, "ce_id")).isEqualTo(event.eventId().toString());
            assertThat(header(headers, "ce_source")).isEqualTo("/eforum/test");
            assertThat(header(headers, "ce_subject")).isEqualTo(event.aggregateId());
            assertThat(header(headers, "content-type")).isEqualTo("application/json");
            assertThat(header(headers, "ce_type")).startsWith("org.eforum.").endsWith(".v1");
            assertThat(deserializer.deserialize(Topics.REGISTRATIONS, headers, data)).isEqualTo(event);
        }
    }

    @Test
    void aConferenceChangeWrittenBeforeTeamsReadsAsNoTeam() {
        ConferenceChanged withTeam = SampleEvents.all().stream().filter(ConferenceChanged.class::isInstance)
                .map(ConferenceChanged.class::cast).findFirst().orElseThrow();
        assertThat(withTeam.team()).containsExactly("organiser", "organiser2");
        var json = EventJson.mapper().readTree(EventJson.write(withTeam));
        ((tools.jackson.databind.node.ObjectNode) json).remove("team");

        ConferenceChanged old = (ConferenceChanged) EventJson.read(EventType.CONFERENCE_CHANGED,
                EventJson.mapper().writeValueAsBytes(json));

        assertThat(old.team()).isEmpty();
        assertThat(old.conference()).isEqualTo(withTeam.conference());
    }

    @Test
    void aRepublishReplacesTheHeadersInsteadOfAddingASecondId() {
        EforumEvent event = SampleEvents.all().get(0);
        RecordHeaders headers = new RecordHeaders();
        serializer.serialize(Topics.REGISTRATIONS, headers, event);
        serializer.serialize(Topics.REGISTRATIONS, headers, event);
        assertThat(headers.headers("ce_id")).hasSize(1);
    }

    @Test
    void malformedRecordsAreRefusedWithTheReason() {
        RegistrationConfirmed event = (RegistrationConfirmed) SampleEvents.all().get(0);
        RecordHeaders good = new RecordHeaders();
        byte[] data = serializer.serialize(Topics.REGISTRATIONS, good, event);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTRATIONS, new RecordHeaders(), data))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_specversion");

        RecordHeaders unknownType = copy(good);
        unknownType.remove(CloudEventHeaders.TYPE);
        unknownType.add(CloudEventHeaders.TYPE, "org.example.unknown.v9".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTRATIONS, unknownType, data))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unknown CloudEvent type");

        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTRATIONS, copy(good),
                "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);

        RecordHeaders otherId = copy(good);
        otherId.remove(CloudEventHeaders.ID);
        otherId.add(CloudEventHeaders.ID, java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTRATIONS, otherId, data))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("does not match");

        assertThatThrownBy(() -> deserializer.deserialize(Topics.REGISTRATIONS, copy(good),
                "{\"eventId\":\"%s\"}".formatted(event.eventId()).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    private static RecordHeaders copy(RecordHeaders headers) {
        return new RecordHeaders(headers.toArray());
    }

    private static String header(RecordHeaders headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
