package org.eforum.notification.account;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;

import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.notification.delivery.DeliveryRequest;
import org.eforum.notification.delivery.DeliveryService;
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
 * The invitation mail, in the invitation's language: the username, the link and until when it works. One delivery
 * per event (its id, the kind and the invitee's address hash), so a redelivered event sends nothing twice. It has no
 * registration: no copy of it is kept (the link is a password's worth), and the log names it by
 * {@value #CONFERENCE} instead of a conference.
 */
@Component
class InvitationMails {

    /** Not a conference id (those are slugs): the delivery log's filter finds every invitation by it. */
    static final String CONFERENCE = "(accounts)";
    private static final java.time.ZoneId LOCAL_TIME = java.time.ZoneId.of("Europe/Sofia");

    private final DeliveryService deliveries;
    private final MailTemplates templates;
    private final MailSettings settings;

    InvitationMails(DeliveryService deliveries, MailTemplates templates, MailSettings settings) {
        this.deliveries = deliveries;
        this.templates = templates;
        this.settings = settings;
    }

    void deliver(OrganiserInvited invited) {
        DeliveryRequest request = new DeliveryRequest(invited.eventId(), null, CONFERENCE, 0,
                MailKind.ORGANISER_INVITATION, invited.email(), List.of(), MailLanguage.of(invited.language()),
                invited.email(), null);
        deliveries.deliver(request, toSend -> compose(invited, toSend));
    }

    OutgoingMail compose(OrganiserInvited invited, DeliveryRequest request) {
        MailLanguage language = request.language();
        InternetAddress to = MailAddresses.parse(request.recipient());
        String link = link(invited.invitationUrl());
        Map<String, Object> variables = new HashMap<>();
        variables.put("language", language.code());
        variables.put("name", HeaderText.singleLine(invited.displayName() == null ? invited.username()
                : invited.displayName()));
        variables.put("username", invited.username());
        variables.put("link", link);
        variables.put("expires", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(language.locale()).format(invited.expiresAt().atZone(LOCAL_TIME)));
        MailTemplates.Bodies bodies = templates.render("invitation", language, variables);
        String subject = templates.message("subject." + MailKind.ORGANISER_INVITATION.name(), language);
        return new OutgoingMail(MailKind.ORGANISER_INVITATION, language, to, List.of(), settings.replyToAddress(),
                subject, bodies.text(), bodies.html(), List.of());
    }

    /** Only an http(s) link of registration-service's pages reaches a mail. */
    private String link(String url) {
        if (url == null || url.isBlank()) {
            throw new UndeliverableMailException("the invitation has no link", null);
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new UndeliverableMailException("the invitation's link is not a URI", e);
        }
        if (!uri.isAbsolute()) {
            uri = settings.publicBaseUrl().resolve(uri);
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UndeliverableMailException("the invitation's link is not an http(s) URL", null);
        }
        return uri.toString();
    }
}
