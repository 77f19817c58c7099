/**
 * The one-off secrets the service mails in links (an organiser's invitation, a participant's new-address
 * confirmation): made, stored only as a hash and compared alike.
 */
@NullMarked
package org.eforum.registration.secret;

import org.jspecify.annotations.NullMarked;
