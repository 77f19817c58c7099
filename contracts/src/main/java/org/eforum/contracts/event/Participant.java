package org.eforum.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The person who registered, as typed in the form. {@code language} is {@code bg} or {@code en}.
 *
 * <p>On Kafka the personal fields ({@code firstName}, {@code lastName}, {@code email}, {@code position}, and the
 * event's {@code selfServiceUrl}) travel only inside {@code personal}, sealed with the person's key; consumers open
 * it (see {@code org.eforum.contracts.privacy.PersonalData}) and work with the cleartext form, where
 * {@code personal} is null. A record written before the encryption has the cleartext fields and no
 * {@code personal}.
 *
 * <p>{@code answers} are the answers to the conference's own questions, by question id: a string (text, one of a
 * list, a date as {@code yyyy-MM-dd}), a list of strings (several of a list), a boolean (yes/no) or a number.
 * They may say things as personal as a need for wheelchair access, so they are sealed with the personal fields.
 * Absent when the conference asks nothing (and in events written before conferences had questions).
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
        @Nullable SealedPersonal personal,
        @Nullable Map<String, Object> answers) {

    public Participant {
        answers = answers == null || answers.isEmpty() ? null : Map.copyOf(answers);
    }

    /** The cleartext form, without answers. */
    public Participant(String firstName, String lastName, String email, String organisation,
            StakeholderType stakeholderType, String country, String position, String language, Consents consents) {
        this(firstName, lastName, email, organisation, stakeholderType, country, position, language, consents, null,
                null);
    }

    /** Without answers. */
    public Participant(String firstName, String lastName, String email, String organisation,
            StakeholderType stakeholderType, String country, String position, String language, Consents consents,
            @Nullable SealedPersonal personal) {
        this(firstName, lastName, email, organisation, stakeholderType, country, position, language, consents,
                personal, null);
    }

    /** The answers, none when there are none. */
    @JsonIgnore
    public Map<String, Object> answersOrNone() {
        return answers == null ? Map.of() : answers;
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
