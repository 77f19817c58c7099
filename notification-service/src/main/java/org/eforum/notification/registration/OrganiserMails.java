package org.eforum.notification.registration;

import java.util.HashMap;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;

import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.notification.conference.OrganiserRouting;
import org.eforum.notification.delivery.DeliveryRequest;
import org.eforum.notification.mail.ChangedFields;
import org.eforum.notification.mail.DisplayName;
import org.eforum.notification.mail.HeaderText;
import org.eforum.notification.mail.MailAddresses;
import org.eforum.notification.mail.MailKind;
import org.eforum.notification.mail.MailLanguage;
import org.eforum.notification.mail.MailSettings;
import org.eforum.notification.mail.MailTemplates;
import org.eforum.notification.mail.OutgoingMail;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The organisers' mail about one registration change: to the contact, every cc address in Cc, in the
 * conference's main language (never the registrant's: Indico #5987).
 */
@Component
class OrganiserMails {

    private final MailTemplates templates;
    private final MailSettings settings;

    OrganiserMails(MailTemplates templates, MailSettings settings) {
        this.templates = templates;
        this.settings = settings;
    }

    DeliveryRequest request(RegistrationEvent event, OrganiserRouting organisers) {
        return new DeliveryRequest(event.eventId(), event.registrationId(), event.conference().id(), event.sequence(),
                MailKinds.forOrganiser(event), organisers.contactEmail(), organisers.cc(), organisers.language(),
                event.participant().email(), null);
    }

    /** Composes the mail for the request as the delivery service hands it over (erased addresses left out). */
    OutgoingMail compose(RegistrationEvent event, DeliveryRequest request) {
        MailLanguage language = request.language();
        MailKind kind = request.kind();
        InternetAddress to = MailAddresses.parse(request.recipient());
        Participant participant = event.participant();
        ConferenceFacts conference = ConferenceFacts.of(event.conference(), language);
        String name = DisplayName.of(participant);

        Map<String, Object> variables = new HashMap<>();
        conference.addTo(variables);
        variables.put("kind", kind.name());
        variables.put("name", name);
        variables.put("email", HeaderText.singleLine(participant.email()));
        variables.put("organisation", HeaderText.singleLine(participant.organisation()));
        variables.put("position", HeaderText.singleLine(participant.position()));
        variables.put("stakeholderType", participant.stakeholderType() == null ? null
                : templates.message("stakeholder." + participant.stakeholderType().name(), language));
        variables.put("participantCountry", MailTemplates.country(participant.country(), language));
        variables.put("participantLanguage", templates.message(
                "language." + MailLanguage.of(participant.language()).code(), language));
        variables.put("status", templates.message("status." + event.status().name(), language));
        variables.put("previousStatus", event instanceof RegistrationCancelled cancelled
                && cancelled.previousStatus() != null
                ? templates.message("status." + cancelled.previousStatus().name(), language) : null);
        if (event instanceof RegistrationDetailsChanged changed) {
            variables.put("changes", ChangedFields.withValues(participant, changed.changedFields(), language,
                    templates));
        }
        if (kind == MailKind.ORGANISER_AWAITING_APPROVAL || kind == MailKind.ORGANISER_DETAILS_CHANGED) {
            // Where the organisers approve or decline it, and see the answers this service has no labels for.
            variables.put("organiserLink", registrationPage(event));
        }
        MailTemplates.Bodies bodies = templates.render("organiser", language, variables);

        String subject = templates.message("subject." + kind.name(), language, name, conference.title());
        return new OutgoingMail(kind, language, to, MailAddresses.ccList(request.cc(), to, request.conferenceId()),
                settings.replyToAddress(), subject,
                bodies.text(), bodies.html());
    }

    /** The registration's page for organisers in registration-service (they sign in there). */
    private String registrationPage(RegistrationEvent event) {
        return UriComponentsBuilder.fromUri(settings.publicBaseUrl()).pathSegment("organiser", "conferences",
                event.conference().id(), "registrations", event.registrationId()).build().encode().toUriString();
    }
}
