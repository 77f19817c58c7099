package org.eforum.contracts.event;

/**
 * Where a registration stands. {@code PENDING} and {@code DECLINED} exist only in a moderated conference: a submit
 * waits there for the organisers, who approve it (it then takes a seat, CONFIRMED, or joins the waiting list,
 * WAITLISTED) or decline it. Appended after the first three so stored values and ordinals keep their meaning.
 */
public enum RegistrationStatus {
    CONFIRMED,
    WAITLISTED,
    CANCELLED,
    PENDING,
    DECLINED;

    /** Whether the registration still counts: it holds a seat, a place on the waiting list or awaits approval. */
    public boolean isActive() {
        return this == CONFIRMED || this == WAITLISTED || this == PENDING;
    }
}
