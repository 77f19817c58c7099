package org.eforum.directory.person;

import org.eforum.contracts.event.StakeholderType;

/**
 * A member of the experts' network as the public sees them: name, organisation (with its id, for its page when it
 * has one), type and country. Built field by field, so no e-mail address or private id can slip in.
 */
public record ExpertView(String id, String firstName, String lastName, String organisation, String organisationId,
        StakeholderType stakeholderType, String country) {

    static ExpertView of(Person person) {
        Profile profile = person.profile();
        return new ExpertView(person.publicId(), profile.firstName(), profile.lastName(), profile.organisation(),
                profile.organisationId(), profile.stakeholderType(), profile.country());
    }
}
