package org.eforum.directory.person;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eforum.directory.conference.Conference;
import org.eforum.directory.conference.Conferences;
import org.eforum.directory.web.PageView;
import org.eforum.directory.web.Paging;
import org.eforum.directory.web.QueryParameters;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    PageView<StakeholderView> stakeholders(@RequestParam(required = false) String q,
            @RequestParam(required = false) String type, @RequestParam(required = false) String country,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        QueryParameters parameters = new QueryParameters();
        DirectoryFilter filter = parameters.filter(q, type, country);
        Paging paging = parameters.paging(page, size, 20, 100);
        parameters.validate();

        Page<Person> listed = people.listed(filter, paging.pageable());
        Set<String> conferenceIds = listed.stream().flatMap(p -> p.attended().stream())
                .map(Participation::conferenceId).collect(Collectors.toSet());
        Map<String, Conference> known = conferences.byIds(conferenceIds);
        return paging.view(listed.stream().map(p -> StakeholderView.of(p, known)).toList(), listed.getTotalElements());
    }
}
