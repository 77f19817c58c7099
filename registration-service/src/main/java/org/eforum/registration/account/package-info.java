/**
 * Organiser accounts kept in the registration database ({@code organiser_accounts}): only a
 * {@code DelegatingPasswordEncoder} hash is stored, operators create, list and disable them, and the platform's user
 * service asks them for any username that is not configured (the configured ones are the operators').
 */
@NullMarked
package org.eforum.registration.account;

import org.jspecify.annotations.NullMarked;
