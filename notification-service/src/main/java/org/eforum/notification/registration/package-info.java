/**
 * What a registration event owes: one mail to the participant, in their language, and one to the conference's
 * organisers when they want immediate notifications, in the conference's main language.
 */
@NullMarked
package org.eforum.notification.registration;

import org.jspecify.annotations.NullMarked;
