package org.eforum.directory.person;

import java.util.List;
import java.util.Map;

import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.conference.Conference;

/**
 * A listed person as the public sees them. Built field by field from the profile, so no e-mail address or
 * private id can slip in; {@code conferences} are those the person holds a confirmed seat for.
 */
public record StakeholderView(
        String id,
        String firstName,
        String lastName,
        String organisation,
        StakeholderType stakeholderType,
        String country,
        String position,
        boolean expertsNetwork,
        List<ConferenceRef> conferences) {

    static StakeholderView of(Person person, Map<String, Conference> conferences) {
        Profile profile = person.profile();
        return new StakeholderView(person.publicId(), profile.firstName(), profile.lastName(),
                profile.organisation(), profile.stakeholderType(), profile.country(), profile.position(),
                profile.joinExpertsNetwork(),
                person.attended().stream().map(p -> ConferenceRef.of(p, conferences)).toList());
    }
}
