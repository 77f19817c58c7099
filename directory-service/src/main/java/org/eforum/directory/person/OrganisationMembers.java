package org.eforum.directory.person;

import java.util.List;

import org.eforum.contracts.event.StakeholderType;

/**
 * The listed people of one organisation, as the directory's organisation view needs them; {@code spelling} and
 * {@code country} are one member's, for when the organisations collection lacks the organisation.
 */
public record OrganisationMembers(String organisationId, String spelling, String country,
        List<StakeholderType> stakeholderTypes, List<Member> people) {

    public record Member(String firstName, String lastName) {
    }
}
