package org.eforum.directory.organisation;

import java.util.List;

import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.person.OrganisationMembers;

/**
 * An organisation as the public sees it, with its listed people by name only. {@code stakeholderTypes} are
 * the types those people chose; an organisation has no type of its own.
 */
public record OrganisationView(String id, String name, String country, String website,
        List<StakeholderType> stakeholderTypes, List<OrganisationMembers.Member> people) {

    static OrganisationView of(OrganisationMembers members, Organisation organisation) {
        if (organisation == null) {
            return new OrganisationView(members.organisationId(), members.spelling(), members.country(), null,
                    members.stakeholderTypes(), members.people());
        }
        return new OrganisationView(members.organisationId(), organisation.name(), organisation.country(),
                organisation.website(), members.stakeholderTypes(), members.people());
    }
}
