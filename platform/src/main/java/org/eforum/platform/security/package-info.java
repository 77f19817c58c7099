/**
 * The apps' accounts and roles from {@code eforum.security.accounts}: default accounts in the local profile
 * only, so no deployment runs with a known password.
 */
@NullMarked
package org.eforum.platform.security;

import org.jspecify.annotations.NullMarked;
