package org.eforum.directory.person;

import java.util.List;

import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;

/**
 * A person registered for a conference, as the organiser sees them: with e-mail and consents, and each of their
 * registrations for that conference (a person may have cancelled and registered again), each saying whether its
 * address is confirmed. {@code listInDirectory} and {@code joinExpertsNetwork} are the consents in effect: given
 * with a registration whose address is confirmed.
 */
public record ParticipantView(
        String id,
        String email,
        String firstName,
        String lastName,
        String organisation,
        StakeholderType stakeholderType,
        String country,
        String position,
        String language,
        boolean listInDirectory,
        boolean joinExpertsNetwork,
        List<Registration> registrations) {

    static ParticipantView of(Person person, String conferenceId) {
        Profile profile = person.profile();
        return new ParticipantView(person.publicId(), person.email(), profile.firstName(), profile.lastName(),
                profile.organisation(), profile.stakeholderType(), profile.country(), profile.position(),
                profile.language(), profile.listInDirectory(), profile.joinExpertsNetwork(),
                person.participationsIn(conferenceId).stream().map(Registration::of).toList());
    }

    public record Registration(String id, RegistrationStatus status, boolean addressConfirmed) {

        static Registration of(Participation participation) {
            return new Registration(participation.registrationId(), participation.status(),
                    participation.addressConfirmed());
        }
    }
}
