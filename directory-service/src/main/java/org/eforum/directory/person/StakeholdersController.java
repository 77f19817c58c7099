package org.eforum.directory.person;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eforum.directory.conference.Conference;
import org.eforum.directory.conference.Conferences;
import org.eforum.directory.web.PageView;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/** The public stakeholder directory: people who consented to be listed. */
@RestController
class StakeholdersController {

    private final People people;
    private final Conferences conferences;

    StakeholdersController(People people, Conferences conferences) {
        this.people = people;
        this.conferences = conferences;
    }

    @GetMapping("/api/directory/stakeholders")
    PageView<StakeholderView> stakeholders(@ModelAttribute DirectoryQuery query) {
        DirectoryQuery.Checked read = query.forApi();
        Page<Person> listed = people.listed(read.filter(), read.pageable());
        Set<String> conferenceIds = listed.stream().flatMap(p -> p.attended().stream())
                .map(Participation::conferenceId).collect(Collectors.toSet());
        Map<String, Conference> known = conferences.byIds(conferenceIds);
        return read.view(listed.stream().map(p -> StakeholderView.of(p, known)).toList(), listed.getTotalElements());
    }
}
