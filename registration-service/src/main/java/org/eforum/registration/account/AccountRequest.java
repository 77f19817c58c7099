package org.eforum.registration.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eforum.registration.validation.EmailAddress;
import org.eforum.registration.validation.PlainText;

/** What an operator sends to create an organiser account; the password is its first one, chosen by the operator. */
public record AccountRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}",
                message = "must be 3 to 64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit")
        String username,
        @NotBlank @Size(max = 200) @PlainText String displayName,
        @NotBlank @EmailAddress String email,
        // 12 at least (NIST SP 800-63B asks 8 of a chosen one); 72 bytes is all bcrypt reads.
        @NotNull @Size(min = 12, max = 72) String password) {

    @Override
    public String toString() {
        return "AccountRequest[username=" + username + "]"; // never the password in a log
    }
}
