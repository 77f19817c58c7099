package org.eforum.registration.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eforum.registration.validation.EmailAddress;
import org.eforum.registration.validation.Language;
import org.eforum.registration.validation.PlainText;
import org.jspecify.annotations.Nullable;

/**
 * What an operator sends to invite an organiser: the account's username, where to mail the link and in which
 * language; the name is optional (the invitee's account shows the username until an operator knows it).
 */
public record InvitationRequest(
        @NotBlank @Pattern(regexp = AccountRequest.USERNAME_PATTERN, message = AccountRequest.USERNAME_RULE)
        String username,
        @Nullable @Size(max = 200) @PlainText String displayName,
        @NotBlank @EmailAddress String email,
        @NotNull @Pattern(regexp = Language.PATTERN, message = "must be bg or en") String language) {
}
