/**
 * Organiser accounts' events: the invitation mail, with the link on which the invitee sets the account's password.
 */
@NullMarked
package org.eforum.notification.account;

import org.jspecify.annotations.NullMarked;
