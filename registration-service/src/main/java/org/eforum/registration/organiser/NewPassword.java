package org.eforum.registration.organiser;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eforum.registration.account.AccountRequest;
import org.jspecify.annotations.Nullable;

/** The password an invitee chooses, typed twice; the length rule is the API's first password's. */
record NewPassword(
        @NotNull @Size(min = AccountRequest.PASSWORD_MIN, max = AccountRequest.PASSWORD_MAX) @Nullable String password,
        @Nullable String passwordAgain) {

    boolean typedTheSameTwice() {
        return password != null && password.equals(passwordAgain);
    }

    @Override
    public String toString() {
        return "NewPassword[hidden]";
    }
}
