package org.eforum.contracts.event;

/** How the conference's organisers want to hear about registrations. */
public enum OrganiserNotifications {
    /** One mail per change. */
    IMMEDIATE,
    /** One mail per interval listing every change since the last one. */
    DIGEST,
    /** No organiser mail. */
    NONE
}
