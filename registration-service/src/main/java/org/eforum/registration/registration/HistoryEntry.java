package org.eforum.registration.registration;

import java.time.Instant;

/**
 * One line of a registration's history: what happened, when and who did it. Written in the same atomic update as
 * the change it records, so the history never misses a change nor names one that did not happen.
 */
public record HistoryEntry(Change change, Instant at, Actor by) {

    public enum Change {
        /** Known only from {@code registeredAt}: a registration older than the history (its first status unknown). */
        SUBMITTED,
        SUBMITTED_CONFIRMED,
        SUBMITTED_WAITLISTED,
        /** Registered for a moderated conference: awaits the organisers' approval, holds no seat. */
        SUBMITTED_PENDING,
        /** An organiser approved it: it took a seat (CONFIRMED) or joined the waiting list. */
        APPROVED,
        /** An organiser declined it: final. */
        DECLINED,
        PROMOTED,
        CANCELLED,
        ADDRESS_CONFIRMED,
        /** The address was submitted again, so the participant's link was mailed to it again. */
        LINK_RESENT,
        /** An organiser had the participant's mail of the current status sent again. */
        MAIL_RESENT,
        ERASED,
        /** The participant corrected their details on their own page. */
        DETAILS_CHANGED,
        /** The participant asked to move the registration to another address; a link went to that address. */
        EMAIL_CHANGE_REQUESTED,
        /** The new address confirmed the change through that link: the registration is that address's now. */
        EMAIL_CHANGED
    }

    boolean isSubmission() {
        return change == Change.SUBMITTED || change == Change.SUBMITTED_CONFIRMED
                || change == Change.SUBMITTED_WAITLISTED || change == Change.SUBMITTED_PENDING;
    }
}
