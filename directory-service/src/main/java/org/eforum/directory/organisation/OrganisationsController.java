package org.eforum.directory.organisation;

import java.util.Map;

import org.eforum.directory.person.DirectoryQuery;
import org.eforum.directory.person.OrganisationMembers;
import org.eforum.directory.person.People;
import org.eforum.directory.web.PageView;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public list of organisations. Only organisations with at least one listed person appear: an
 * organisation whose only participant did not consent would otherwise reveal that person's registration.
 * {@code type} keeps the listed people of that type (an organisation has no type of its own), {@code q}
 * matches the organisation's name.
 */
@RestController
class OrganisationsController {

    private final People people;
    private final Organisations organisations;

    OrganisationsController(People people, Organisations organisations) {
        this.people = people;
        this.organisations = organisations;
    }

    @GetMapping("/api/directory/organisations")
    PageView<OrganisationView> organisations(@ModelAttribute DirectoryQuery query) {
        DirectoryQuery.Checked read = query.forApi();
        Page<OrganisationMembers> listed = people.listedByOrganisation(read.filter(), read.pageable());
        Map<String, Organisation> known = organisations.byIds(
                listed.stream().map(OrganisationMembers::organisationId).toList());
        return read.view(listed.stream().map(m -> OrganisationView.of(m, known.get(m.organisationId()))).toList(),
                listed.getTotalElements());
    }
}
