package org.eforum.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.Set;
import java.util.function.Function;

import org.eforum.notification.mail.HeaderText;
import org.eforum.notification.mail.OutgoingMail;
import org.eforum.notification.mail.SmtpMailer;
import org.eforum.notification.mail.UndeliverableMailException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends a mail at most once per delivery id and at least once per event (the event is retried until it is):
 * claim, compose, send, mark sent. SMTP and MongoDB share no transaction, so the one gap left is a crash
 * between SMTP accepting a mail and the mark; the deterministic Message-ID lets mail clients fold that rare
 * duplicate.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final Deliveries deliveries;
    private final SmtpMailer mailer;
    private final DeliverySettings settings;
    private final ErasedAddresses erased;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final SentMails sentMails;

    DeliveryService(Deliveries deliveries, SmtpMailer mailer, DeliverySettings settings, ErasedAddresses erased,
            DeliveryMetrics metrics, Clock clock, SentMails sentMails) {
        this.deliveries = deliveries;
        this.sentMails = sentMails;
        this.mailer = mailer;
        this.settings = settings;
        this.erased = erased;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Delivers the mail {@code composer} builds from the request unless it was delivered (or found undeliverable)
     * before. This is the one place that leaves erased people out: a mail to or about an erased person is not
     * created at all; erased cc and reply-to addresses are left out of the request the composer is given (and the
     * log keeps). An SMTP failure is recorded and rethrown, so that the caller's retry mechanism tries again.
     *
     * @return the delivery's status, or null when no delivery was created because its recipient or the person
     *         it is about is erased
     * @throws DeliveryInFlightException when another attempt is sending the same mail right now
     */
    public @Nullable DeliveryStatus deliver(DeliveryRequest request, Function<DeliveryRequest, OutgoingMail> composer) {
        String id = request.deliveryId();
        Set<String> erasedHashes = erased.erasedAmong(request.namedAddresses());
        if (!erasedHashes.isEmpty()) {
            if (erasedHashes.contains(DeliveryRequest.hash(request.about()))
                    || erasedHashes.contains(DeliveryRequest.hash(request.recipient()))) {
                log.info("Delivery {} ({}) not created: its recipient or the person it is about is erased", id,
                        request.kind());
                return null;
            }
            log.info("Delivery {} ({}): leaving erased addresses out", id, request.kind());
            request = request.without(erasedHashes);
        }
        DeliveryRequest toSend = request;
        String messageId = mailer.messageIdFor(id);
        Claim claim = deliveries.claim(toSend, messageId, clock.instant(), settings.claimLease());
        switch (claim.outcome()) {
            case ALREADY_SENT:
                log.debug("Delivery {} was sent before; not sending it again", id);
                return DeliveryStatus.SENT;
            case ALREADY_FAILED:
                log.debug("Delivery {} failed permanently before; not trying again", id);
                return DeliveryStatus.FAILED;
            case HELD_ELSEWHERE:
                throw new DeliveryInFlightException(id);
            default:
                break;
        }
        int attempt = claim.delivery().attempts();
        OutgoingMail mail = null;
        try {
            mail = composer.apply(toSend);
            mailer.send(mail, messageId);
        } catch (UndeliverableMailException e) {
            deliveries.markFailed(id, describe(e), clock.instant());
            metrics.failed(request.kind());
            log.warn("Delivery {} cannot be sent and will not be retried: {}", id, e.getMessage());
            return DeliveryStatus.FAILED;
        } catch (RuntimeException e) {
            deliveries.markRetrying(id, describe(e), clock.instant());
            metrics.retried(request.kind());
            log.warn("Delivery {} attempt {} failed, the event will be retried: {}", id, attempt, e.toString());
            throw e;
        }
        Instant sentAt = clock.instant();
        deliveries.markSent(id, sentAt);
        keepCopy(request, mail, sentAt);
        metrics.sent(request.kind());
        log.info("Delivery {} sent ({}, attempt {}, Message-ID {})", id, request.kind(), attempt, messageId);
        return DeliveryStatus.SENT;
    }

    /** The copy is for the operators' view only: failing to keep it never fails (or repeats) the mail. */
    private void keepCopy(DeliveryRequest request, OutgoingMail mail, Instant sentAt) {
        if (request.registrationId() == null) {
            return; // a digest lists many participants; an erasure could not take one of them out of a copy
        }
        try {
            sentMails.keep(request.deliveryId(), request.registrationId(), mail, sentAt);
        } catch (RuntimeException e) {
            log.warn("Delivery {} sent, but its copy for the operators was not kept: {}", request.deliveryId(), e.toString());
        }
    }

    /**
     * The event's retries ran out and it was dead-lettered: its deliveries still waiting become {@code FAILED}
     * with the last error; a re-drive of the event later tries them again.
     */
    public void giveUp(UUID eventId, Throwable lastError) {
        for (Delivery failed : deliveries.markGivenUp(eventId.toString(),
                lastError == null ? null : describe(lastError), clock.instant())) {
            metrics.failed(failed.kind());
            log.warn("Delivery {} FAILED after {} attempts; its event is in the dead-letter topic: {}", failed.id(),
                    failed.attempts(), failed.lastError());
        }
    }

    /** Erases a person: redacts their address in the log and never mails it again. */
    public int erase(String emailHash, Instant requestedAt) {
        Instant now = clock.instant();
        erased.record(emailHash, requestedAt == null ? now : requestedAt, now);
        // The copies of every mail about the person's registrations (the organisers' included) go entirely.
        Set<String> registrations = deliveries.registrationsOf(emailHash);
        sentMails.forgetRegistrations(registrations);
        return deliveries.redact(emailHash, now) + deliveries.redactNewAddresses(registrations, now);
    }

    public boolean isErased(String address) {
        return erased.isErased(address);
    }

    /** True when mail for a later event of this registration exists: this event is stale (e.g. redriven late). */
    public boolean isSuperseded(String registrationId, long sequence) {
        return deliveries.highestSequence(registrationId).stream().anyMatch(highest -> highest > sequence);
    }

    private static String describe(Throwable e) {
        String text = HeaderText.singleLine(e.getClass().getSimpleName() + ": " + e.getMessage());
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
