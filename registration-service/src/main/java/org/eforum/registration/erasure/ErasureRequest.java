package org.eforum.registration.erasure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eforum.registration.validation.EmailAddress;

/** An organiser's or operator's request to forget a person, named by the address they registered with. */
public record ErasureRequest(@NotBlank @Size(max = 254) @EmailAddress String email) {
}
