package org.eforum.notification.registration;

import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.notification.conference.Conferences;
import org.eforum.notification.conference.OrganiserRouting;
import org.eforum.notification.delivery.DeliveryRequest;
import org.eforum.notification.delivery.DeliveryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the mails a registration event owes, participant first. Each mail is its own delivery, so when the
 * organiser mail fails after the participant's went out, the retried event sends only the organiser mail.
 */
@Component
class RegistrationNotifier {

    private static final Logger log = LoggerFactory.getLogger(RegistrationNotifier.class);

    private final Conferences conferences;
    private final DeliveryService deliveries;
    private final ParticipantMails participantMails;
    private final OrganiserMails organiserMails;

    RegistrationNotifier(Conferences conferences, DeliveryService deliveries, ParticipantMails participantMails,
            OrganiserMails organiserMails) {
        this.conferences = conferences;
        this.deliveries = deliveries;
        this.participantMails = participantMails;
        this.organiserMails = organiserMails;
    }

    void notify(RegistrationEvent event) {
        // A late event (e.g. redriven from the dead-letter topic) must not tell "confirmed" after "cancelled".
        if (deliveries.isSuperseded(event.registrationId(), event.sequence())) {
            log.info("Event {} (sequence {}) of registration {} is superseded by a later one; no mail",
                    event.eventId(), event.sequence(), event.registrationId());
            return;
        }
        OrganiserRouting organisers = conferences.routingFor(event.conference());

        DeliveryRequest participant = participantMails.request(event);
        deliveries.deliver(participant, () -> participantMails.compose(event, participant, organisers));

        switch (organisers.mode()) {
            case IMMEDIATE:
                notifyOrganisers(event, organisers);
                break;
            case DIGEST:
                log.warn("Conference {} wants organiser notifications as a DIGEST, which is not available yet: "
                        + "no organiser mail for event {} of registration {}", organisers.conferenceId(),
                        event.eventId(), event.registrationId());
                break;
            default:
                log.debug("Conference {} wants no organiser notifications", organisers.conferenceId());
        }
    }

    private void notifyOrganisers(RegistrationEvent event, OrganiserRouting organisers) {
        if (organisers.contactEmail() == null || organisers.contactEmail().isBlank()) {
            log.warn("Conference {} has no contact address; no organiser mail for event {}",
                    organisers.conferenceId(), event.eventId());
            return;
        }
        DeliveryRequest organiser = organiserMails.request(event, organisers);
        deliveries.deliver(organiser, () -> organiserMails.compose(event, organiser, organisers));
    }
}
