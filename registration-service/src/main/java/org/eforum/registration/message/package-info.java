/**
 * The organisers' messages to a conference's participants: written in the conference's languages, sent to an
 * audience (all active, confirmed or waitlisted; never the cancelled), stored in {@code messages}, and handed to each
 * recipient registration as an event that notification-service mails once.
 */
@NullMarked
package org.eforum.registration.message;

import org.jspecify.annotations.NullMarked;
