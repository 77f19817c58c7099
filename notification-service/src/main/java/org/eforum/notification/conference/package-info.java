/**
 * The conferences as the notification service needs them: who organises each one, in which language, and how
 * they want to hear about registrations. A projection of the compacted conferences topic, so a contact change
 * applies to the next organiser mail even though registration events carry an older snapshot.
 */
@NullMarked
package org.eforum.notification.conference;

import org.jspecify.annotations.NullMarked;
