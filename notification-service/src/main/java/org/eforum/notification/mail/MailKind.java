package org.eforum.notification.mail;

/**
 * Every kind of mail E-Forum sends. Together with the event and the recipient it identifies one delivery;
 * its name keys the subject and the texts in the message bundles.
 */
public enum MailKind {
    PARTICIPANT_CONFIRMED(Audience.PARTICIPANT),
    PARTICIPANT_WAITLISTED(Audience.PARTICIPANT),
    PARTICIPANT_PROMOTED(Audience.PARTICIPANT),
    PARTICIPANT_CANCELLED(Audience.PARTICIPANT),
    /** The participant's own link again, after someone submitted their address again (no organiser mail). */
    PARTICIPANT_LINK_RESENT(Audience.PARTICIPANT),
    /** The organisers' message to the conference's participants (no organiser mail). */
    PARTICIPANT_MESSAGE(Audience.PARTICIPANT),
    /** Moderated conference: the registration was received and waits for the organisers' decision. */
    PARTICIPANT_SUBMITTED(Audience.PARTICIPANT),
    /** Approved with a seat (with the calendar entry, as the confirmation); the organiser's message if given. */
    PARTICIPANT_APPROVED(Audience.PARTICIPANT),
    /** Approved, but the conference is full: on the waiting list; the organiser's message if given. */
    PARTICIPANT_APPROVED_WAITLISTED(Audience.PARTICIPANT),
    /** Not accepted by the organisers; their message if given. */
    PARTICIPANT_DECLINED(Audience.PARTICIPANT),
    /** The participant corrected their details: what changed. */
    PARTICIPANT_DETAILS_CHANGED(Audience.PARTICIPANT),
    /** The link that confirms a new address, sent to that new address only (keyed by it). */
    PARTICIPANT_CONFIRM_NEW_EMAIL(Audience.PARTICIPANT),
    /** A new registration, confirmed or waitlisted (the mail says which). */
    ORGANISER_REGISTERED(Audience.ORGANISER),
    ORGANISER_PROMOTED(Audience.ORGANISER),
    ORGANISER_CANCELLED(Audience.ORGANISER),
    /** Moderated conference: a new registration waits for the organisers' approval (links to its page). */
    ORGANISER_AWAITING_APPROVAL(Audience.ORGANISER),
    /** A participant corrected their details: what changed, with the new values. */
    ORGANISER_DETAILS_CHANGED(Audience.ORGANISER),
    /** Every change of one conference in one digest interval, for organisers who chose {@code DIGEST}. */
    ORGANISER_DIGEST(Audience.ORGANISER),
    /** The link on which someone invited to an organiser account sets its password. */
    ORGANISER_INVITATION(Audience.INVITEE);

    private final Audience audience;

    MailKind(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    public enum Audience {
        PARTICIPANT,
        ORGANISER,
        /** Someone invited to an organiser account: keyed by their address, as a participant. */
        INVITEE
    }
}
