package org.eforum.directory.person;

import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.eforum.directory.conference.Conference;

import org.eforum.directory.conference.Conferences;
import org.eforum.directory.web.Paging;
import org.eforum.directory.web.QueryParameters;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the organisers of a conference's team (see the security configuration for the role): everyone registered for
 * it, listed or not. The team comes with the conference's own events; until the directory has read one that names
 * the caller, the caller is refused (403), as an organiser outside the team is.
 */
@RestController
class ParticipantsController {

    private final People people;
    private final Conferences conferences;

    ParticipantsController(People people, Conferences conferences) {
        this.people = people;
        this.conferences = conferences;
    }

    @ApiResponse(responseCode = "403", description = "The caller is not in the conference's team (as the directory "
            + "last read it from the conference's events)")
    @GetMapping("/api/directory/conferences/{id}/participants")
    ParticipantsView participants(@PathVariable String id, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Authentication caller) {
        QueryParameters parameters = new QueryParameters();
        Paging paging = parameters.paging(page, size, 100, 1000);
        parameters.validate();

        // A conference is known from its own topic or, if that lags behind, from a registration for it.
        Optional<Conference> known = conferences.find(id);
        ConferenceRef conference = known.map(c -> new ConferenceRef(id, c.title()))
                .or(() -> people.anyParticipationIn(id).map(p -> ConferenceRef.of(p, Map.of())))
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "The directory knows no conference with this id."), null));
        if (known.map(c -> !c.hasOrganiser(caller.getName())).orElse(true)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Only the organisers in the team of this conference may read its participants.");
            problem.setTitle("Not an organiser of this conference");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        Page<Person> registered = people.registeredFor(id, paging.pageable());
        return new ParticipantsView(conference, registered.stream().map(p -> ParticipantView.of(p, id)).toList(),
                paging.page(), paging.size(), registered.getTotalElements());
    }
}
