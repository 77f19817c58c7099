/**
 * Registrations: the state machine (confirmed, waitlisted, promoted, cancelled) guarded per document, the
 * seat count, the waiting list, the participant's signed self-service link and the organisers' CSV.
 */
@NullMarked
package org.eforum.registration.registration;

import org.jspecify.annotations.NullMarked;
