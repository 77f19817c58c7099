package org.eforum.registration.message;

import java.time.Clock;
import java.time.Duration;

import org.eforum.platform.lease.Lease;
import org.eforum.platform.lease.Leases;
import org.eforum.registration.conference.Conferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes the handover of a message that a stopped process left half done (stored, handed to some recipients):
 * every {@code eforum.registration.messages.resume-after} (1 m), in one instance (a lease), each message still
 * handing after that long is handed again. The handover skips the registrations that have the message, so each
 * recipient still gets it once; those who joined the audience since get it too, as they would have in the send.
 */
@Component
class MessageHandover {

    private static final Logger log = LoggerFactory.getLogger(MessageHandover.class);
    private static final int AT_MOST = 20;

    private final ConferenceMessages messages;
    private final MessageService service;
    private final Conferences conferences;
    private final Lease lease;
    private final Duration resumeAfter;
    private final Clock clock;

    MessageHandover(ConferenceMessages messages, MessageService service, Conferences conferences, Leases leases,
            MessageSettings settings, Clock clock) {
        this.messages = messages;
        this.service = service;
        this.conferences = conferences;
        this.resumeAfter = settings.resumeAfter();
        this.lease = leases.lease("message-handover", resumeAfter.multipliedBy(3));
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${eforum.registration.messages.resume-after:1m}",
            initialDelayString = "${eforum.registration.messages.resume-after:1m}")
    void resumeUnfinished() {
        if (!lease.holdFor(resumeAfter)) {
            return; // another instance resumes them
        }
        for (ConferenceMessage message : messages.unfinishedSince(clock.instant().minus(resumeAfter), AT_MOST)) {
            try {
                conferences.find(message.conferenceId()).ifPresentOrElse(conference -> {
                    ConferenceMessage done = service.handOver(conference, message);
                    log.info("Message {} of {}: handover resumed, {} recipients have it", message.id(),
                            message.conferenceId(), done.recipients());
                }, () -> messages.handedToAll(message.id(), 0));
            } catch (RuntimeException e) {
                log.warn("Message {} not handed over in this round: {}", message.id(), e.toString());
            }
        }
    }
}
