package org.eforum.contracts.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.eforum.contracts.event.ConferenceEvent;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.ErasureEvent;
import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.contracts.event.PersonKeyIssued;
import org.eforum.contracts.event.RegistrationEvent;

/**
 * Reads a binary-mode CloudEvent into its event record, chosen by {@code ce_type}. Anything that is not a valid
 * E-Forum event throws {@link MalformedEventException}; wrapped in Spring's {@code ErrorHandlingDeserializer},
 * such a record goes to the dead-letter topic instead of stopping the consumer.
 */
public class CloudEventDeserializer implements Deserializer<EforumEvent> {

    @Override
    public EforumEvent deserialize(String topic, byte[] data) {
        throw new MalformedEventException("record without headers cannot be a binary-mode CloudEvent");
    }

    @Override
    public EforumEvent deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            throw new MalformedEventException("record has no data");
        }
        CloudEventHeaders.Attributes attributes = CloudEventHeaders.read(headers);
        EforumEvent event = EventJson.read(attributes.type(), data);
        if (event.eventId() == null || !event.eventId().equals(attributes.id())) {
            throw new MalformedEventException("ce_id " + attributes.id() + " does not match the data's eventId");
        }
        requireComplete(event);
        return event;
    }

    private static void requireComplete(EforumEvent event) {
        if (event.occurredAt() == null) {
            throw new MalformedEventException("event has no occurredAt");
        }
        if (event instanceof RegistrationEvent registration) {
            if (registration.registrationId() == null || registration.participant() == null
                    || registration.conference() == null
                    || registration.participant().email() == null && !registration.participant().isSealed()) {
                throw new MalformedEventException("registration event lacks registrationId, participant or conference");
            }
        } else if (event instanceof ErasureEvent erasure) {
            if (erasure.emailHash() == null || !erasure.emailHash().matches("[0-9a-f]{64}")) {
                throw new MalformedEventException("erasure event lacks a person id (64 hex digits)");
            }
        } else if (event instanceof PersonKeyIssued key) {
            if (key.personId() == null || !key.personId().matches("[0-9a-f]{64}") || key.keyId() == null
                    || key.key() == null) {
                throw new MalformedEventException("person key event lacks its key or person id");
            }
        } else if (event instanceof OrganiserInvited invited) {
            if (invited.username() == null || invited.invitationId() == null || invited.language() == null
                    || invited.expiresAt() == null || invited.email() == null && !invited.isSealed()) {
                throw new MalformedEventException(
                        "invitation lacks its username, invitation id, language, expiry or invitee");
            }
        } else if (event instanceof ConferenceEvent conference) {
            if (conference.conference() == null || conference.conference().id() == null) {
                throw new MalformedEventException("conference event lacks its conference");
            }
        }
    }
}
