package org.eforum.registration.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.ParticipantMessaged;
import org.eforum.contracts.event.RegistrationAddressConfirmed;
import org.eforum.contracts.event.RegistrationApproved;
import org.eforum.contracts.event.RegistrationCancelled;
import org.eforum.contracts.event.RegistrationDeclined;
import org.eforum.contracts.event.RegistrationDetailsChanged;
import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.RegistrationLinkResent;
import org.eforum.contracts.event.RegistrationMailResent;
import org.eforum.contracts.event.RegistrationPromoted;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.registration.legal.PrivacyNotice;
import org.eforum.registration.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One participant's registration for one conference. {@code emailKey} (the address lower-cased) is unique per
 * conference, which is what makes a repeated submission a 409 even when twenty arrive at once. {@code sequence}
 * counts the registration's events; the events not yet on Kafka wait in {@code outbox}. {@code consent} keeps the
 * words the participant agreed to and the privacy notice's version they named (absent on registrations older than
 * the notice). {@code linkResentAt} is when the participant's link was last mailed again because the address was
 * submitted again (absent until then); it spaces those mails out. {@code addressConfirmedAt} is when the
 * participant confirmed, from the page their mailed link opens, that the address is theirs (absent until then): only
 * from then on do the consents to be listed and to join the experts' network take effect (see {@link #confirmAddress}).
 * {@code history} lists every change with its time and who made it, each appended by the write of the change
 * (absent on registrations older than it: {@link #historyAsKnown} derives what it can). {@code queuedAt} is when an
 * registration joined the end of the waiting list: when it was submitted onto it, or when an organiser approved it
 * onto it (absent while it never was, and on registrations older than it, which are in line before the others by
 * {@code registeredAt}: see {@link Registrations#oldestWaitlisted}).
 *
 * <p>The registration owns its state machine: {@code CONFIRMED} or {@code WAITLISTED} at submission,
 * {@link #promote} (WAITLISTED → CONFIRMED) and {@link #cancel} (either → CANCELLED); in a moderated conference
 * {@code PENDING} at submission, then {@link #approve} (→ CONFIRMED or WAITLISTED), {@link #decline} (→ DECLINED,
 * final) or {@link #cancel} (→ CANCELLED). A transition checks its
 * precondition here and returns a {@link Transition}: the new status and the event it owes, which
 * {@link Registrations#apply} writes as one guarded atomic update, so a state change never exists without its
 * event, and two concurrent transitions of the same registration cannot both succeed.
 */
@Document("registrations")
public record Registration(
        @Id String id,
        String conferenceId,
        String emailKey,
        Participant participant,
        String notes,
        RegistrationStatus status,
        long sequence,
        Instant registeredAt,
        Instant updatedAt,
        boolean outboxPending,
        Instant outboxPendingSince,
        List<OutboxEntry> outbox,
        PrivacyNotice.ConsentRecord consent,
        Instant linkResentAt,
        Instant addressConfirmedAt,
        List<HistoryEntry> history,
        Instant queuedAt) {

    /**
     * A new registration as submitted: its first event ({@code RegistrationConfirmed} or {@code RegistrationWaitlisted},
     * sequence 1) decides its id, status and time, and waits in the outbox.
     */
    static Registration submit(String conferenceId, Participant participant, String notes, RegistrationEvent first,
            OutboxEntry firstEntry, PrivacyNotice.ConsentRecord consent) {
        Instant now = first.occurredAt();
        HistoryEntry.Change submitted = switch (first.status()) {
            case WAITLISTED -> HistoryEntry.Change.SUBMITTED_WAITLISTED;
            case PENDING -> HistoryEntry.Change.SUBMITTED_PENDING; // a moderated conference: no seat yet
            default -> HistoryEntry.Change.SUBMITTED_CONFIRMED;
        };
        return new Registration(first.registrationId(), conferenceId, emailKey(participant.email()), participant,
                notes, first.status(), first.sequence(), now, now, true, now, List.of(firstEntry), consent, null, null,
                List.of(new HistoryEntry(submitted, now, Actor.participant())),
                first.status() == RegistrationStatus.WAITLISTED ? now : null);
    }

    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Erased registrations keep their status (for the seat counts) but nothing that identifies the person. */
    boolean isErased() {
        return emailKey.startsWith(ERASED_PREFIX);
    }

    static final String ERASED_PREFIX = "erased:";
    static final String ERASED = "[erased]";

    public boolean isCancelled() {
        return status == RegistrationStatus.CANCELLED;
    }

    public boolean isWaitlisted() {
        return status == RegistrationStatus.WAITLISTED;
    }

    /** Awaiting the organisers' approval (a moderated conference): holds no seat and no place in line. */
    public boolean isPending() {
        return status == RegistrationStatus.PENDING;
    }

    /** Declined by the organisers: over, as a cancelled one, and nothing more can happen to it. */
    public boolean isDeclined() {
        return status == RegistrationStatus.DECLINED;
    }

    /**
     * The participant gives up their seat, their place on the waiting list or their pending request (themselves, or
     * an organiser for them).
     */
    Transition cancel(ConferenceSnapshot conference, String selfServiceUrl, Instant now, Actor by) {
        if (isCancelled() || isDeclined()) {
            throw new IllegalStateException("Registration " + id + " is cancelled already");
        }
        return new Transition(this, RegistrationStatus.CANCELLED, new RegistrationCancelled(UUID.randomUUID(), now,
                id, sequence + 1, participant, conference, selfServiceUrl, status),
                new HistoryEntry(HistoryEntry.Change.CANCELLED, now, by));
    }

    boolean isAddressConfirmed() {
        return addressConfirmedAt != null;
    }

    /**
     * Whether the participant asked for something public (the directory, the experts' network) that waits for the
     * address to be confirmed: what the participant's page offers the button for.
     */
    public boolean awaitsAddressConfirmation() {
        return !isAddressConfirmed() && status.isActive() && participant.consents() != null
                && (participant.consents().listInDirectory() || participant.consents().joinExpertsNetwork());
    }

    /**
     * The participant proved the address is theirs (the link that reached it opened their page): a change of the
     * registration (sequence + 1) that keeps its status, so its seat or place in line is untouched.
     */
    Transition confirmAddress(ConferenceSnapshot conference, String selfServiceUrl, Instant now) {
        if (!status.isActive() || isAddressConfirmed()) {
            throw new IllegalStateException("Registration " + id + " cannot be confirmed: " + status
                    + (isAddressConfirmed() ? ", confirmed already" : ""));
        }
        return new Transition(this, status, new RegistrationAddressConfirmed(UUID.randomUUID(), now, id,
                sequence + 1, participant, conference, selfServiceUrl, status),
                new HistoryEntry(HistoryEntry.Change.ADDRESS_CONFIRMED, now, Actor.participant()));
    }

    /**
     * A waitlisted participant gets a seat that was freed (the caller has taken that seat already): the next in line
     * by the system, or one an organiser chose out of order.
     */
    Transition promote(ConferenceSnapshot conference, String selfServiceUrl, Instant now, Actor by) {
        if (!isWaitlisted()) {
            throw new IllegalStateException("Only a waitlisted registration can be promoted; " + id + " is " + status);
        }
        return new Transition(this, RegistrationStatus.CONFIRMED, new RegistrationPromoted(UUID.randomUUID(), now,
                id, sequence + 1, participant, conference, selfServiceUrl),
                new HistoryEntry(HistoryEntry.Change.PROMOTED, now, by));
    }

    /**
     * An organiser approves a pending registration: {@code to} is CONFIRMED when the caller took a seat for it,
     * WAITLISTED when it joined the end of the waiting list. {@code message} is the organiser's optional word to the
     * participant, in the participant's language.
     */
    Transition approve(ConferenceSnapshot conference, String selfServiceUrl, Instant now, Actor by,
            RegistrationStatus to, String message) {
        if (!isPending()) {
            throw new IllegalStateException("Only a pending registration can be approved; " + id + " is " + status);
        }
        if (to != RegistrationStatus.CONFIRMED && to != RegistrationStatus.WAITLISTED) {
            throw new IllegalArgumentException("An approval confirms or waitlists, not " + to);
        }
        return new Transition(this, to, new RegistrationApproved(UUID.randomUUID(), now, id, sequence + 1,
                participant, conference, selfServiceUrl, to, message),
                new HistoryEntry(HistoryEntry.Change.APPROVED, now, by));
    }

    /** An organiser declines a pending registration: final, it never held a seat. */
    Transition decline(ConferenceSnapshot conference, String selfServiceUrl, Instant now, Actor by, String message) {
        if (!isPending()) {
            throw new IllegalStateException("Only a pending registration can be declined; " + id + " is " + status);
        }
        return new Transition(this, RegistrationStatus.DECLINED, new RegistrationDeclined(UUID.randomUUID(), now, id,
                sequence + 1, participant, conference, selfServiceUrl, message),
                new HistoryEntry(HistoryEntry.Change.DECLINED, now, by));
    }

    /**
     * The participant's own link, mailed again because someone submitted this address again: no change of state,
     * so the event carries the current status and sequence.
     */
    RegistrationLinkResent resendLink(ConferenceSnapshot conference, String selfServiceUrl, Instant now) {
        return new RegistrationLinkResent(UUID.randomUUID(), now, id, sequence, participant, conference,
                selfServiceUrl, status);
    }

    /**
     * The participant's mail of the current status, sent again because an organiser asked: no change of state, so
     * the event carries the current status and sequence.
     */
    RegistrationMailResent resendMail(ConferenceSnapshot conference, String selfServiceUrl, Instant now) {
        return new RegistrationMailResent(UUID.randomUUID(), now, id, sequence, participant, conference,
                selfServiceUrl, status, isAddressConfirmed());
    }

    /**
     * The participant corrected their details (not the address: see {@link #changeEmail}): a change of the
     * registration (sequence + 1) that keeps its status, its seat and its place in line.
     */
    Transition correct(Participant corrected, List<String> changedFields, ConferenceSnapshot conference,
            String selfServiceUrl, Instant now) {
        return new Transition(this, status, new RegistrationDetailsChanged(UUID.randomUUID(), now, id, sequence + 1,
                corrected, conference, selfServiceUrl, status, changedFields),
                new HistoryEntry(HistoryEntry.Change.DETAILS_CHANGED, now, Actor.participant()));
    }

    /**
     * The participant asked to move the registration to {@code newEmail}: nothing changes yet, so the event carries
     * the registration as it is ({@code asNow} and {@code sequenceNow}: after the other corrections written with it).
     */
    RegistrationEmailChangeRequested requestEmailChange(Participant asNow, long sequenceNow,
            ConferenceSnapshot conference, String selfServiceUrl, String newEmail, String confirmationUrl,
            Instant now) {
        return new RegistrationEmailChangeRequested(UUID.randomUUID(), now, id, sequenceNow, asNow, conference,
                selfServiceUrl, status, newEmail, confirmationUrl);
    }

    /**
     * The new address confirmed the change through the link mailed to it: the registration is that address's from
     * now on (sealed under its person's key by the relay, which keys by the event's participant), and the address
     * counts as confirmed.
     */
    Transition changeEmail(String newEmail, ConferenceSnapshot conference, String selfServiceUrl, Instant now) {
        Participant p = participant;
        Participant moved = new Participant(p.firstName(), p.lastName(), newEmail, p.organisation(),
                p.stakeholderType(), p.country(), p.position(), p.language(), p.consents(), null, p.answers());
        return new Transition(this, status, new RegistrationDetailsChanged(UUID.randomUUID(), now, id, sequence + 1,
                moved, conference, selfServiceUrl, status, List.of("email")),
                new HistoryEntry(HistoryEntry.Change.EMAIL_CHANGED, now, Actor.participant()));
    }

    /**
     * The history as stored, oldest first; for a registration older than the history, what its fields tell: when it
     * was submitted, when its address was confirmed, when its link was last mailed again.
     */
    public List<HistoryEntry> historyAsKnown() {
        List<HistoryEntry> known = new ArrayList<>(history == null ? List.of() : history);
        if (known.stream().noneMatch(HistoryEntry::isSubmission) && registeredAt != null) {
            known.add(new HistoryEntry(HistoryEntry.Change.SUBMITTED, registeredAt, Actor.participant()));
        }
        if (history == null && addressConfirmedAt != null) {
            known.add(new HistoryEntry(HistoryEntry.Change.ADDRESS_CONFIRMED, addressConfirmedAt, Actor.participant()));
        }
        if (history == null && linkResentAt != null) {
            known.add(new HistoryEntry(HistoryEntry.Change.LINK_RESENT, linkResentAt, Actor.system()));
        }
        known.sort(Comparator.comparing(HistoryEntry::at));
        return known;
    }

    /**
     * The organisers' message to this participant, in the participant's language when the message has it, else in
     * the conference's main language: no change of state, so the event carries the current status and sequence.
     */
    ParticipantMessaged messaged(ConferenceSnapshot conference, String selfServiceUrl, OrganiserMessage message,
            Instant now) {
        String language = message.languageFor(participant.language(), conference.languages());
        return new ParticipantMessaged(UUID.randomUUID(), now, id, sequence, participant, conference, selfServiceUrl,
                status, message.id(), language, message.subject().get(language), message.body().get(language));
    }

    /** Whether the link was mailed again less than {@code interval} before {@code now}. */
    boolean linkResentWithin(Duration interval, Instant now) {
        return linkResentAt != null && linkResentAt.isAfter(now.minus(interval));
    }

    /**
     * A change from the state {@code from} was read in to {@code to}, with the event it owes and the line of history
     * it adds. It applies only if the registration is still exactly {@code from} (same status, same sequence) when
     * written.
     */
    record Transition(Registration from, RegistrationStatus to, RegistrationEvent event, HistoryEntry entry) {
    }
}
