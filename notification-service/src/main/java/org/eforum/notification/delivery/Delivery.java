package org.eforum.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.eforum.contracts.event.EmailHash;
import org.eforum.notification.mail.MailKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mail owed to one recipient because of one event, and what became of it.
 *
 * @param id           {@code <eventId>:<kind>:<recipient key>}, see {@link DeliveryRequest#deliveryId()}
 * @param recipient    the address in To; {@code cc} the addresses in Cc
 * @param sequence     the registration event's sequence, to recognise stale events
 * @param attempts     how many times sending was started
 * @param claimedUntil while in the future, an attempt is in progress and nobody else may send
 * @param recipientHash {@link EmailHash} of the recipient, {@code ccHashes} of each cc address: how an erasure
 *                      finds the addresses to redact, and how a redacted entry still recognises its person
 * @param gaveUp       {@code FAILED} because the retries ran out (the event went to the dead-letter topic), not
 *                     because the mail can never be sent: a re-drive of the event tries again
 */
@Document("deliveries")
public record Delivery(
        @Id String id,
        String eventId,
        String registrationId,
        String conferenceId,
        long sequence,
        MailKind kind,
        String recipient,
        List<String> cc,
        String language,
        DeliveryStatus status,
        int attempts,
        String lastError,
        String messageId,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt,
        Instant claimedUntil,
        String recipientHash,
        List<String> ccHashes,
        boolean gaveUp) {

    /** What the delivery log shows instead of an erased address. */
    public static final String ERASED = "[erased]";

    public Delivery {
        cc = cc == null ? List.of() : List.copyOf(cc);
        ccHashes = ccHashes == null ? List.of() : List.copyOf(ccHashes);
    }

    /** A first claim: attempt one has started. */
    static Delivery claimed(DeliveryRequest request, String messageId, Instant now, Instant claimedUntil) {
        return new Delivery(request.deliveryId(), request.eventId().toString(), request.registrationId(),
                request.conferenceId(), request.sequence(), request.kind(), request.recipient(), request.cc(),
                request.language().code(), DeliveryStatus.RETRYING, 1, null, messageId, now, now, null,
                claimedUntil, request.recipientHash(), request.ccHashes(), false);
    }
}
