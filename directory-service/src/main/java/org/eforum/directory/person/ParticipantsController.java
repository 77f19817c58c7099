package org.eforum.directory.person;

import java.util.Map;

import org.eforum.directory.conference.Conferences;
import org.eforum.directory.web.Paging;
import org.eforum.directory.web.QueryParameters;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For organisers (see the security configuration): everyone registered for a conference, listed or not. */
@RestController
class ParticipantsController {

    private final People people;
    private final Conferences conferences;

    ParticipantsController(People people, Conferences conferences) {
        this.people = people;
        this.conferences = conferences;
    }

    @GetMapping("/api/directory/conferences/{id}/participants")
    ParticipantsView participants(@PathVariable String id, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        QueryParameters parameters = new QueryParameters();
        Paging paging = parameters.paging(page, size, 100, 1000);
        parameters.validate();

        // A conference is known from its own topic or, if that lags behind, from a registration for it.
        ConferenceRef conference = conferences.find(id).map(c -> new ConferenceRef(id, c.title()))
                .or(() -> people.anyParticipationIn(id).map(p -> ConferenceRef.of(p, Map.of())))
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "The directory knows no conference with this id."), null));
        Page<Person> registered = people.registeredFor(id, paging.pageable());
        return new ParticipantsView(conference, registered.stream().map(p -> ParticipantView.of(p, id)).toList(),
                paging.page(), paging.size(), registered.getTotalElements());
    }
}
