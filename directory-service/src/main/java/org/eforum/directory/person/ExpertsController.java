package org.eforum.directory.person;

import org.eforum.directory.web.PageView;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public member list of the experts' network.
 * <p>
 * Who is on it: everyone whose latest registration has {@code joinExpertsNetwork}, whether or not they also
 * consented to the stakeholder directory ({@code listInDirectory}). The form asks to join a network whose member
 * list is public, so joining is itself consent to be shown as a member, with name, organisation, type and
 * country only (no position, no conferences, never an e-mail address). A member who later registers without
 * that consent leaves the list: the latest consent wins, as for the directory.
 */
@RestController
class ExpertsController {

    private final People people;

    ExpertsController(People people) {
        this.people = people;
    }

    @GetMapping("/api/directory/experts")
    PageView<ExpertView> experts(@ModelAttribute DirectoryQuery query) {
        DirectoryQuery.Checked read = query.forApi();
        Page<Person> members = people.experts(read.filter(), read.pageable());
        return read.view(members.stream().map(ExpertView::of).toList(), members.getTotalElements());
    }
}
