/**
 * The apps' accounts and roles from {@code eforum.security.accounts}: default accounts and plain-text passwords
 * in the local profile only, {@code {bcrypt}} or {@code {argon2}} hashes everywhere else, so no deployment runs
 * with a known password.
 */
@NullMarked
package org.eforum.platform.security;

import org.jspecify.annotations.NullMarked;
