package org.eforum.notification.delivery;

import java.util.List;
import java.util.UUID;

import org.eforum.contracts.event.EmailHash;
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
     * The delivery's deterministic id. A participant mail is keyed by the participant's address, as its
     * {@link EmailHash} so that the id (which the log shows and which an erasure cannot rewrite) holds no
     * address; an organiser mail is one message per event to the contact with Cc, so it is keyed by the role:
     * a contact changed between two deliveries of the same event then still gets one organiser mail, not one
     * per address.
     */
    /** The id of an organisers' mail owed for an event, as {@link #deliveryId()} gives it. */
    public static String organisersDeliveryId(java.util.UUID eventId, MailKind kind) {
        return eventId + ":" + kind + ":" + ORGANISERS;
    }

    public String deliveryId() {
        String recipientKey = kind.audience() == MailKind.Audience.ORGANISER ? ORGANISERS : recipientHash();
        return eventId + ":" + kind + ":" + recipientKey;
    }

    /** {@link EmailHash} of the recipient (null when there is none). */
    public String recipientHash() {
        return hash(recipient);
    }

    public List<String> ccHashes() {
        return cc.stream().map(DeliveryRequest::hash).filter(java.util.Objects::nonNull).toList();
    }

    /** Every address this mail would go to. */
    public List<String> addresses() {
        List<String> all = new java.util.ArrayList<>();
        if (recipient != null && !recipient.isBlank()) {
            all.add(recipient);
        }
        all.addAll(cc);
        return all;
    }

    static String hash(String address) {
        return address == null || address.isBlank() ? null : EmailHash.of(address);
    }
}
