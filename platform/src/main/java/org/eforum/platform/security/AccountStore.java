package org.eforum.platform.security;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * Accounts an app keeps in its own database beside the configured ones (registration-service's organisers). The
 * platform's user service asks it for a username that is not configured; the configured accounts, and the refusal
 * to start without them, stay as they are.
 */
public interface AccountStore {

    /** The account with its stored hash and whether it is enabled; empty when there is none. */
    Optional<UserDetails> find(String username);
}
