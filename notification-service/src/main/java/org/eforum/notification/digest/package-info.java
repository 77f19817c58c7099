/**
 * Organiser notifications as a digest: one mail per conference per interval listing every change since the
 * last one, none when nothing changed, each digest sent once even across restarts. Changes are recorded in
 * MongoDB as they arrive (one entry per event, so a redelivered event is one line); a closed interval's entries
 * are given a digest id derived from the conference and the interval's end, and that digest is delivered
 * through the same claim-before-send delivery as every other mail.
 */
@NullMarked
package org.eforum.notification.digest;

import org.jspecify.annotations.NullMarked;
