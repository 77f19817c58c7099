package org.eforum.registration.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eforum.registration.validation.EmailAddress;
import org.eforum.registration.validation.PlainText;

/** What an operator sends to create an organiser account; the password is its first one, chosen by the operator. */
public record AccountRequest(
        @NotBlank @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_RULE) String username,
        @NotBlank @Size(max = 200) @PlainText String displayName,
        @NotBlank @EmailAddress String email,
        @NotNull @Size(min = PASSWORD_MIN, max = PASSWORD_MAX) String password) {

    public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";
    public static final String USERNAME_RULE =
            "must be 3 to 64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit";
    /** 12 at least (NIST SP 800-63B asks 8 of a chosen one); the invitation's password follows the same rule. */
    public static final int PASSWORD_MIN = 12;
    /** 72 bytes is all bcrypt reads. */
    public static final int PASSWORD_MAX = 72;

    @Override
    public String toString() {
        return "AccountRequest[username=" + username + "]"; // never the password in a log
    }
}
