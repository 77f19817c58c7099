package org.eforum.registration.conference;

/**
 * Published (in-process, synchronously) when an organiser raises a conference's capacity, so that the waiting
 * list gets the new seats before the organiser's request returns. The conference module does not know the
 * registrations; whoever keeps the waiting list listens.
 */
public record SeatsAdded(String conferenceId, int seats) {
}
