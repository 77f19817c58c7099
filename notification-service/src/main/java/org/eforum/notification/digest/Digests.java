package org.eforum.notification.digest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.notification.conference.Conferences;
import org.eforum.notification.conference.OrganiserRouting;
import org.eforum.notification.delivery.Delivery;
import org.eforum.notification.delivery.DeliveryRequest;
import org.eforum.notification.delivery.DeliveryService;
import org.eforum.notification.delivery.DeliveryStatus;
import org.eforum.notification.mail.DisplayName;
import org.eforum.notification.mail.HeaderText;
import org.eforum.notification.mail.MailKind;
import org.eforum.notification.mail.MailLanguage;
import org.eforum.notification.mail.MailTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records the changes of {@code DIGEST} conferences and sends each closed window's digest once.
 *
 * <p>Once-only: the entries of a window are given the digest id {@code <conference>:<window end>} before anything
 * is sent, and the digest is delivered as the delivery {@code <uuid of "digest:" + digest id>:ORGANISER_DIGEST:organisers}
 * with the usual claim-before-send. A crash after the assignment leaves an "open" digest that the next check
 * delivers (or finds sent); a crash after SMTP accepted it is the same one remaining window as for every mail.
 * While a conference's digest cannot be sent (SMTP down), its later changes wait, so they go out together
 * in the next window's digest rather than as a second mail.
 */
@Service
public class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private final DigestEntries entries;
    private final DeliveryService deliveries;
    private final Conferences conferences;
    private final DigestMails mails;
    private final DigestSettings settings;
    private final Clock clock;

    Digests(DigestEntries entries, DeliveryService deliveries, Conferences conferences, DigestMails mails,
            DigestSettings settings, Clock clock) {
        this.entries = entries;
        this.deliveries = deliveries;
        this.conferences = conferences;
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Notes a change for the conference's next digest; a redelivered event is noted once. An erased participant's
     * change is not noted: the entry would keep their details until the digest is sent.
     */
    public void record(RegistrationEvent event, MailKind kind, OrganiserRouting organisers) {
        Participant participant = event.participant();
        if (deliveries.isErased(participant.email())) {
            log.info("Event {} of registration {}: the participant's address is erased; not noted for a digest",
                    event.eventId(), event.registrationId());
            return;
        }
        MailLanguage language = organisers.language();
        String name = DisplayName.of(participant);
        DigestEntry entry = new DigestEntry(event.eventId().toString(), event.conference().id(),
                event.registrationId(), event.sequence(), kind, event.occurredAt(), clock.instant(), name,
                HeaderText.singleLine(participant.email()), EmailHash.of(participant.email()),
                HeaderText.singleLine(participant.organisation()), event.status().name(), language.code(),
                HeaderText.singleLine(event.conference().title(language.code())),
                MailTemplates.dates(event.conference().startDate(), event.conference().endDate(), language),
                organisers.contactName(), organisers.contactEmail(), organisers.cc(), null, false, false,
                event instanceof RegistrationDetailsChanged changed ? changed.changedFields() : null);
        if (entries.record(entry)) {
            log.info("Conference {}: {} of registration {} noted for the next digest", entry.conferenceId(), kind,
                    event.registrationId());
        }
    }

    /** The id the digest's delivery is recorded under: one per digest, whatever instance sends it. */
    static UUID deliveryEventOf(String digestId) {
        return UUID.nameUUIDFromBytes(("digest:" + digestId).getBytes(StandardCharsets.UTF_8));
    }

    /** Redacts an erased participant in the pending and past digest entries. */
    public int erase(String emailHash) {
        return entries.redact(emailHash, Delivery.ERASED);
    }

    /** The end of the last closed window: windows are aligned to the epoch, so every instance agrees. */
    Instant lastWindowEnd(Instant now) {
        long interval = settings.digestInterval().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), interval) * interval);
    }

    /** Sends what is due: first digests left open by an earlier check, then those of the last closed window. */
    void sendDue() {
        Set<String> waiting = new HashSet<>();
        for (Map.Entry<String, String> open : entries.openDigests().entrySet()) {
            if (!deliver(open.getKey())) {
                waiting.add(open.getValue());
            }
        }
        Instant windowEnd = lastWindowEnd(clock.instant());
        for (String conferenceId : entries.conferencesWithUnassigned(windowEnd)) {
            if (waiting.contains(conferenceId)) {
                continue; // its earlier digest is still unsent: these changes join the next one
            }
            String digestId = conferenceId + ":" + windowEnd;
            entries.assign(conferenceId, windowEnd, digestId);
            deliver(digestId);
        }
    }

    /** @return whether the digest is finished (sent, or nothing to send); false when it must be tried again */
    private boolean deliver(String digestId) {
        List<DigestEntry> all = entries.ofDigest(digestId);
        List<DigestEntry> changes = all.stream().filter(e -> !e.erased()).toList();
        if (changes.isEmpty()) {
            entries.markDigested(digestId);
            return true;
        }
        DigestEntry latest = changes.get(changes.size() - 1);
        OrganiserRouting routing = conferences.routingOf(latest.conferenceId()).orElseGet(() ->
                new OrganiserRouting(latest.conferenceId(), null, MailLanguage.of(latest.language()),
                        latest.contactName(), latest.contactEmail(), latest.cc(), false));
        if (routing.contactEmail() == null || routing.contactEmail().isBlank()) {
            log.warn("Digest {}: the conference has no contact address; not sent", digestId);
            entries.markDigested(digestId);
            return true;
        }
        UUID deliveryEvent = deliveryEventOf(digestId);
        DeliveryRequest request = new DeliveryRequest(deliveryEvent, null, latest.conferenceId(), 0,
                MailKind.ORGANISER_DIGEST, routing.contactEmail(), routing.cc(), routing.language());
        try {
            // null: the contact is erased, and the digest is not sent to anyone
            DeliveryStatus status = deliveries.deliver(request, r -> mails.compose(r, changes, latest));
            log.info("Digest {} with {} change(s): {}", digestId, changes.size(), status);
        } catch (RuntimeException e) {
            log.warn("Digest {} not sent yet, trying again at the next check: {}", digestId, e.toString());
            return false;
        }
        entries.markDigested(digestId);
        return true;
    }
}
