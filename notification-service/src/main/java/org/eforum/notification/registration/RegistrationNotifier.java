package org.eforum.notification.registration;

import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.notification.conference.Conferences;
import org.eforum.notification.conference.OrganiserRouting;
import org.eforum.notification.delivery.DeliveryRequest;
import org.eforum.notification.delivery.DeliveryService;
import org.eforum.notification.digest.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the mails a registration event owes, participant first. Each mail is its own delivery, so when the
 * organiser mail fails after the participant's went out, the retried event sends only the organiser mail; and
 * a failing participant mail does not hold the organiser mail back (both are tried, then the first failure is
 * thrown for the retry). Erased people are left out where each mail is claimed ({@link DeliveryService#deliver}):
 * an erased participant's events mail nobody, an erased cc address leaves the Cc. A link resent (the address was
 * submitted again) mails the participant only; like every mail it is one delivery per event id, so a redelivered
 * event sends nothing twice. A confirmed address mails nobody: the participant has just seen the page say so.
 */
@Component
class RegistrationNotifier {

    private static final Logger log = LoggerFactory.getLogger(RegistrationNotifier.class);

    private final Conferences conferences;
    private final DeliveryService deliveries;
    private final ParticipantMails participantMails;
    private final OrganiserMails organiserMails;
    private final Digests digests;

    RegistrationNotifier(Conferences conferences, DeliveryService deliveries, ParticipantMails participantMails,
            OrganiserMails organiserMails, Digests digests) {
        this.conferences = conferences;
        this.deliveries = deliveries;
        this.participantMails = participantMails;
        this.organiserMails = organiserMails;
        this.digests = digests;
    }

    void notify(RegistrationEvent event) {
        if (!MailKinds.mailsAnyone(event)) {
            log.debug("Event {} of registration {} owes no mail", event.eventId(), event.registrationId());
            return;
        }
        // A late event (e.g. redriven from the dead-letter topic) must not tell "confirmed" after "cancelled". A new
        // address's confirmation link tells nothing of the registration's state and goes to another address: it is
        // sent even after a later change (e.g. the other corrections of the same form, published next to it);
        // registration-service refuses the link if it no longer applies.
        if (!(event instanceof RegistrationEmailChangeRequested)
                && deliveries.isSuperseded(event.registrationId(), event.sequence())) {
            log.info("Event {} (sequence {}) of registration {} is superseded by a later one; no mail",
                    event.eventId(), event.sequence(), event.registrationId());
            return;
        }
        OrganiserRouting organisers = conferences.routingFor(event.conference());

        RuntimeException failure = null;
        DeliveryRequest participant = participantMails.request(event, organisers);
        try {
            deliveries.deliver(participant, request -> participantMails.compose(event, request, organisers));
        } catch (RuntimeException e) {
            failure = e;
        }
        if (!MailKinds.concernsOrganisers(event)) {
            if (failure != null) {
                throw failure;
            }
            return;
        }
        try {
            switch (organisers.mode()) {
                case IMMEDIATE:
                    notifyOrganisers(event, organisers);
                    break;
                case DIGEST:
                    digests.record(event, MailKinds.forOrganiser(event), organisers);
                    break;
                default:
                    log.debug("Conference {} wants no organiser notifications", organisers.conferenceId());
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void notifyOrganisers(RegistrationEvent event, OrganiserRouting organisers) {
        if (organisers.contactEmail() == null || organisers.contactEmail().isBlank()) {
            log.warn("Conference {} has no contact address; no organiser mail for event {}",
                    organisers.conferenceId(), event.eventId());
            return;
        }
        DeliveryRequest organiser = organiserMails.request(event, organisers);
        deliveries.deliver(organiser, request -> organiserMails.compose(event, request));
    }
}
