package org.eforum.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The person who registered, as typed in the form. {@code language} is {@code bg} or {@code en}.
 *
 * <p>On Kafka the personal fields ({@code firstName}, {@code lastName}, {@code email}, {@code position}, and the
 * event's {@code selfServiceUrl}) travel only inside {@code personal}, sealed with the person's key; consumers open
 * it (see {@code org.eforum.contracts.privacy.PersonalData}) and work with the cleartext form, where
 * {@code personal} is null. A record written before the encryption has the cleartext fields and no
 * {@code personal}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Participant(
        String firstName,
        String lastName,
        String email,
        String organisation,
        StakeholderType stakeholderType,
        String country,
        String position,
        String language,
        Consents consents,
        @Nullable SealedPersonal personal) {

    /** The cleartext form. */
    public Participant(String firstName, String lastName, String email, String organisation,
            StakeholderType stakeholderType, String country, String position, String language, Consents consents) {
        this(firstName, lastName, email, organisation, stakeholderType, country, position, language, consents, null);
    }

    @JsonIgnore
    public String fullName() {
        return firstName + " " + lastName;
    }

    /** Whether the personal fields are still sealed (then they are null here). */
    @JsonIgnore
    public boolean isSealed() {
        return personal != null;
    }
}
