package org.eforum.notification.delivery;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eforum.notification.mail.MailKind;
import org.eforum.notification.mail.MailLanguage;

/**
 * A mail an event owes, before it is composed: enough to claim it and to log it.
 *
 * @param recipient the address in To, as the event or the conference gives it
 * @param cc        the addresses in Cc
 */
public record DeliveryRequest(
        UUID eventId,
        String registrationId,
        String conferenceId,
        long sequence,
        MailKind kind,
        String recipient,
        List<String> cc,
        MailLanguage language) {

    /** Stands for "whoever organises the conference" in the ids of organiser mail. */
    static final String ORGANISERS = "organisers";

    public DeliveryRequest {
        cc = cc == null ? List.of() : List.copyOf(cc);
    }

    /**
     * The delivery's deterministic id. A participant mail is keyed by the participant's address; an organiser
     * mail is one message per event to the contact with Cc, so it is keyed by the role: a contact changed
     * between two deliveries of the same event then still gets one organiser mail, not one per address.
     */
    public String deliveryId() {
        String recipientKey = kind.audience() == MailKind.Audience.ORGANISER
                ? ORGANISERS
                : String.valueOf(recipient).trim().toLowerCase(Locale.ROOT);
        return eventId + ":" + kind + ":" + recipientKey;
    }
}
