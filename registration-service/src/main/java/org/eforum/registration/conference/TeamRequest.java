package org.eforum.registration.conference;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The whole new team of a conference: the usernames of its organisers (at least one, so someone can still act). */
public record TeamRequest(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> organisers) {

    @AssertTrue(message = "must not repeat a username")
    public boolean isOrganisers() {
        return organisers == null || organisers.stream().distinct().count() == organisers.size();
    }
}
