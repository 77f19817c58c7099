/**
 * Conferences as organisers create and update them: the seats, the registration window, the languages and
 * where organiser mail goes. Each change appends a {@code ConferenceChanged} to the conference's own outbox.
 */
@NullMarked
package org.eforum.registration.conference;

import org.jspecify.annotations.NullMarked;
