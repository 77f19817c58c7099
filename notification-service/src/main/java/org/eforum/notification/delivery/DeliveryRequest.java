package org.eforum.notification.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.eforum.contracts.event.EmailHash;
import org.eforum.notification.mail.MailKind;
import org.eforum.notification.mail.MailLanguage;
import org.jspecify.annotations.Nullable;

/**
 * A mail an event owes, before it is composed: enough to claim it, to log it and to leave erased people out.
 *
 * @param recipient the address in To, as the event or the conference gives it
 * @param cc        the addresses in Cc
 * @param about     the participant the mail is about (null for a digest): when erased, nobody is mailed
 * @param replyTo   an address the mail names for replies (the conference contact); dropped when erased
 */
public record DeliveryRequest(
        UUID eventId,
        @Nullable String registrationId,
        String conferenceId,
        long sequence,
        MailKind kind,
        @Nullable String recipient,
        List<String> cc,
        MailLanguage language,
        @Nullable String about,
        @Nullable String replyTo) {

    /** Stands for "whoever organises the conference" in the ids of organiser mail. */
    static final String ORGANISERS = "organisers";

    public DeliveryRequest {
        cc = cc == null ? List.of() : List.copyOf(cc);
    }

    /** A mail about nobody in particular, naming no one else. */
    public DeliveryRequest(UUID eventId, @Nullable String registrationId, String conferenceId, long sequence,
            MailKind kind, @Nullable String recipient, List<String> cc, MailLanguage language) {
        this(eventId, registrationId, conferenceId, sequence, kind, recipient, cc, language, null, null);
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
    public @Nullable String recipientHash() {
        return hash(recipient);
    }

    public List<String> ccHashes() {
        return cc.stream().map(DeliveryRequest::hash).filter(Objects::nonNull).toList();
    }

    /** Every address this mail would go to. */
    public List<String> addresses() {
        List<String> all = new ArrayList<>();
        if (recipient != null && !recipient.isBlank()) {
            all.add(recipient);
        }
        all.addAll(cc);
        return all;
    }

    /** Every address the mail goes to, is about or names: what an erasure check must cover. */
    List<String> namedAddresses() {
        List<String> all = addresses();
        for (String other : new String[] {about, replyTo}) {
            if (other != null && !other.isBlank()) {
                all.add(other);
            }
        }
        return all;
    }

    /** This request with the erased cc and reply-to addresses left out (they are given as {@link EmailHash}es). */
    DeliveryRequest without(Set<String> erasedHashes) {
        List<String> keptCc = cc.stream().filter(a -> !erasedHashes.contains(hash(a))).toList();
        String keptReplyTo = replyTo != null && erasedHashes.contains(hash(replyTo)) ? null : replyTo;
        return new DeliveryRequest(eventId, registrationId, conferenceId, sequence, kind, recipient, keptCc, language,
                about, keptReplyTo);
    }

    static @Nullable String hash(@Nullable String address) {
        return address == null || address.isBlank() ? null : EmailHash.of(address);
    }
}
