package org.eforum.notification.registration;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.InternetAddress;

import org.eforum.contracts.event.ParticipantMessaged;
import org.eforum.contracts.event.RegistrationApproved;
import org.eforum.contracts.event.RegistrationDeclined;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationMailResent;
import org.eforum.notification.conference.OrganiserRouting;
import org.eforum.notification.delivery.DeliveryRequest;
import org.eforum.notification.mail.Attachment;
import org.eforum.notification.mail.CalendarInvitation;
import org.eforum.notification.mail.ChangedFields;
import org.eforum.notification.mail.DisplayName;
import org.eforum.notification.mail.HeaderText;
import org.eforum.notification.mail.MailAddresses;
import org.eforum.notification.mail.MailKind;
import org.eforum.notification.mail.MailLanguage;
import org.eforum.notification.mail.MailSettings;
import org.eforum.notification.mail.MailTemplates;
import org.eforum.notification.mail.OutgoingMail;
import org.eforum.notification.mail.UndeliverableMailException;
import org.springframework.stereotype.Component;

/**
 * The participant's mail about their registration, in their language, with their self-service link; or the
 * organisers' message to them ({@link ParticipantMessaged}), in the message's language, with the same link.
 */
@Component
class ParticipantMails {

    private final MailTemplates templates;
    private final MailSettings settings;

    ParticipantMails(MailTemplates templates, MailSettings settings) {
        this.templates = templates;
        this.settings = settings;
    }

    /**
     * The conference contact is named for replies, so an erased contact is left out like a Cc. A requested address
     * change goes to the new address only (never to the current one, whose owner asked for it); it is still about
     * the participant, so either address being erased means no mail at all.
     */
    DeliveryRequest request(RegistrationEvent event, OrganiserRouting organisers) {
        String recipient = event instanceof RegistrationEmailChangeRequested change ? change.newEmail()
                : event.participant().email();
        return new DeliveryRequest(event.eventId(), event.registrationId(), event.conference().id(), event.sequence(),
                MailKinds.forParticipant(event), recipient, List.of(),
                MailLanguage.of(event.participant().language()), event.participant().email(),
                organisers.contactEmail());
    }

    /**
     * The first mail of a registration that asked for something public (the directory, the experts' network) says
     * that it takes effect only once the participant confirms the address with the button on their page: until
     * then nothing about them is published, whoever typed the address.
     */
    static boolean asksToConfirmTheAddress(RegistrationEvent event, MailKind kind) {
        if (event instanceof RegistrationMailResent resent && resent.addressConfirmed()) {
            return false; // resent after the participant confirmed: nothing is owed any more
        }
        var consents = event.participant().consents();
        // In a moderated conference the first mail is the one saying the registration was received.
        return (kind == MailKind.PARTICIPANT_CONFIRMED || kind == MailKind.PARTICIPANT_WAITLISTED
                || kind == MailKind.PARTICIPANT_SUBMITTED) && consents != null
                && (consents.listInDirectory() || consents.joinExpertsNetwork());
    }

    /** Composes the mail for the request as the delivery service hands it over (erased addresses left out). */
    OutgoingMail compose(RegistrationEvent event, DeliveryRequest request, OrganiserRouting organisers) {
        MailLanguage language = request.language();
        MailKind kind = request.kind();
        InternetAddress to = MailAddresses.parse(request.recipient());
        ConferenceFacts conference = ConferenceFacts.of(event.conference(), language);
        InternetAddress contact = contactAddress(request.replyTo());
        String contactName = contact == null ? null : organisers.contactName();

        Map<String, Object> variables = new HashMap<>();
        conference.addTo(variables);
        variables.put("kind", kind.name());
        variables.put("name", DisplayName.of(event.participant()));
        // The link to confirm a new address goes to that address instead of the self-service link, whose token
        // must not reach an address nobody has proved yet.
        variables.put("link", event instanceof RegistrationEmailChangeRequested change
                ? SelfServiceUrl.resolve(settings.publicBaseUrl(), change.confirmationUrl())
                : SelfServiceUrl.resolve(settings.publicBaseUrl(), event.selfServiceUrl()));
        variables.put("contactName", HeaderText.singleLine(contactName));
        variables.put("contactEmail", contact == null ? null : contact.getAddress());
        variables.put("confirmAddress", asksToConfirmTheAddress(event, kind));
        String subject;
        MailTemplates.Bodies bodies;
        if (event instanceof ParticipantMessaged message) {
            // The organisers' words as text (Thymeleaf escapes them); their subject on one line, after the title.
            variables.put("messageLanguage", message.messageLanguage());
            variables.put("messageBody", message.body());
            variables.put("messageParagraphs", List.of(message.body().split("\\R\\s*\\R")));
            bodies = templates.render("message", language, variables);
            subject = templates.message("subject." + kind.name(), language, conference.title(),
                    HeaderText.singleLine(message.subject()));
        } else if (event instanceof RegistrationEmailChangeRequested) {
            bodies = templates.render("email-change", language, variables);
            subject = templates.message("subject." + kind.name(), language, conference.title());
        } else {
            String message = organisersMessage(event);
            if (message != null) {
                // The organiser's words as text (Thymeleaf escapes them in HTML), their paragraphs and line breaks kept.
                variables.put("messageBody", message);
                variables.put("messageParagraphs", List.of(message.split("\\R\\s*\\R")));
            }
            if (event instanceof RegistrationDetailsChanged changed) {
                variables.put("changes", ChangedFields.withValues(event.participant(), changed.changedFields(),
                        language, templates));
            }
            bodies = templates.render("participant", language, variables);
            subject = templates.message("subject." + kind.name(), language, conference.title());
        }
        // Replies from participants should reach a person: the conference contact, else the configured Reply-To.
        InternetAddress replyTo = contact != null ? contact : settings.replyToAddress();
        List<Attachment> attachments = HAS_SEAT.contains(kind) && event.conference().startDate() != null
                ? List.of(invitation(event, language, conference, (String) variables.get("link"), contact,
                        contactName).toAttachment())
                : List.of();
        return new OutgoingMail(kind, language, to, List.of(), replyTo, subject, bodies.text(), bodies.html(),
                attachments);
    }

    /** Mails that tell the participant they have a seat carry the conference as a calendar entry. */
    private static final Set<MailKind> HAS_SEAT = EnumSet.of(MailKind.PARTICIPANT_CONFIRMED,
            MailKind.PARTICIPANT_PROMOTED, MailKind.PARTICIPANT_APPROVED);

    /** An approval's or decline's message, when the organiser wrote one. */
    private static String organisersMessage(RegistrationEvent event) {
        String message = event instanceof RegistrationApproved approved ? approved.message()
                : event instanceof RegistrationDeclined declined ? declined.message() : null;
        return message == null || message.isBlank() ? null : message.strip();
    }

    private CalendarInvitation invitation(RegistrationEvent event, MailLanguage language, ConferenceFacts conference,
            String link, InternetAddress contact, String contactName) {
        String fromAddress = settings.fromAddress().getAddress();
        // One UID per registration: a mail re-sent, or "promoted" after "confirmed", updates the same entry.
        String uid = "registration-" + event.registrationId() + "@" + fromAddress.substring(fromAddress.indexOf('@') + 1);
        String description = templates.message("calendar.description", language, conference.title()) + "\n"
                + templates.message("participant." + MailKind.PARTICIPANT_CONFIRMED.name() + ".link", language)
                + ": " + link;
        return new CalendarInvitation(uid, event.sequence(),
                event.occurredAt() == null ? java.time.Instant.EPOCH : event.occurredAt(), event.conference().startDate(),
                event.conference().endDate(), language, conference.title(), conference.place(), description, link,
                contactName, contact == null ? null : contact.getAddress());
    }

    private static InternetAddress contactAddress(String contactEmail) {
        if (contactEmail == null) {
            return null;
        }
        try {
            return MailAddresses.parse(contactEmail);
        } catch (UndeliverableMailException e) {
            return null; // the participant's mail does not depend on it
        }
    }
}
