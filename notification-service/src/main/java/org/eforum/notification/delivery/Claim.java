package org.eforum.notification.delivery;

/** What claiming a delivery found. Only {@link Outcome#ACQUIRED} lets the caller send. */
record Claim(Outcome outcome, Delivery delivery) {

    enum Outcome {
        /** Ours to send: new, or an earlier attempt failed or was abandoned. */
        ACQUIRED,
        ALREADY_SENT,
        ALREADY_FAILED,
        /** Another attempt holds an unexpired claim. */
        HELD_ELSEWHERE
    }
}
