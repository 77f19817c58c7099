package org.eforum.directory.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.ParticipantMessaged;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationLinkResent;
import org.eforum.contracts.event.RegistrationMailResent;
import org.eforum.directory.organisation.Organisations;
import org.eforum.directory.person.Participation;
import org.eforum.directory.person.PersonProjection;
import org.eforum.platform.privacy.PersonalDataReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects registration events into people and organisations. */
@Component
class RegistrationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RegistrationEventsListener.class);

    private final Organisations organisations;
    private final PersonProjection people;
    private final PersonalDataReader personalData;

    RegistrationEventsListener(Organisations organisations, PersonProjection people, PersonalDataReader personalData) {
        this.organisations = organisations;
        this.people = people;
        this.personalData = personalData;
    }

    @KafkaListener(id = "directory-registrations", idIsGroup = false, topics = Topics.REGISTRATIONS)
    void on(ConsumerRecord<String, EforumEvent> record) {
        if (!(record.value() instanceof RegistrationEvent sealed)) {
            // not retryable (IllegalArgumentException): straight to the dead-letter topic
            throw new IllegalArgumentException("Not a registration event on " + record.topic() + ": "
                    + (record.value() == null ? "null" : record.value().getClass().getSimpleName()));
        }
        if (isBlank(sealed.registrationId()) || isBlank(sealed.conference().id())) {
            throw new IllegalArgumentException("Registration event " + sealed.eventId()
                    + " lacks its registration id or conference id");
        }
        // The personal fields travel sealed with the person's key; an erased person's key is gone.
        RegistrationEvent event = personalData.open(sealed).orElse(null);
        if (event == null) {
            log.debug("Registration {} sequence {}: its person was erased (no key), ignored", sealed.registrationId(),
                    sealed.sequence());
            // A move to a new address whose person was erased since (a replay, a rebuild): the registration's
            // earlier events, sealed under the old address, must not leave it with the old address's person.
            people.releaseMovedAway(sealed);
            return;
        }
        if (event instanceof RegistrationLinkResent || event instanceof RegistrationMailResent
                || event instanceof ParticipantMessaged || event instanceof RegistrationEmailChangeRequested) {
            // A request to mail the participant (their link or their mail again, the organisers' message, the link
            // confirming a new address): no change of the registration, nothing to project. The address changes
            // only with the RegistrationDetailsChanged that follows its confirmation.
            log.debug("Registration {}: {}, nothing to project", event.registrationId(),
                    event.getClass().getSimpleName());
            return;
        }
        Participant participant = event.participant();
        if (people.isErased(event)) {
            // Nothing of an erased person's past comes back, not even the spelling of their organisation.
            log.debug("Registration {} sequence {}: covered by an erasure, ignored", event.registrationId(),
                    event.sequence());
            return;
        }
        // The organisation first: registering it is idempotent, so a crash before the person's write is harmless.
        // A registration the organisers have not approved (pending, declined) registers nothing: not even the
        // spelling the public would see.
        String organisationId = Participation.isUnapproved(event)
                ? organisations.idOf(participant.organisation(), participant.country()).orElse(null)
                : organisations.register(participant.organisation(), participant.country(), event.occurredAt(),
                        event.eventId().toString()).orElse(null);
        boolean changed = people.apply(event, organisationId);
        log.debug("Registration {} sequence {} ({}): {}", event.registrationId(), event.sequence(), event.status(),
                changed ? "applied" : "already applied or stale");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
