package org.eforum.registration.account;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An account as operators see it: never its password or hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountView(String username, String displayName, String email, AccountState state, boolean enabled,
        Instant createdAt, String createdBy, Instant disabledAt) {

    static AccountView of(OrganiserAccount account) {
        return new AccountView(account.username(), account.displayName(), account.email(), account.state(),
                account.enabled(), account.createdAt(), account.createdBy(), account.disabledAt());
    }
}
