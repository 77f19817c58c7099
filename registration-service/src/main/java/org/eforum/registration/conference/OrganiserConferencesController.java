package org.eforum.registration.conference;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The conferences an organiser's workspace lists: those of their teams (an operator's: all of them). */
@RestController
class OrganiserConferencesController {

    private final ConferenceService conferences;
    private final Clock clock;

    OrganiserConferencesController(ConferenceService conferences, Clock clock) {
        this.conferences = conferences;
        this.clock = clock;
    }

    @Operation(summary = "The caller's conferences", description = "An organiser gets the conferences whose team "
            + "names them, by start date; an operator gets every conference.")
    @GetMapping(path = "/api/organiser/conferences", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ConferenceView> mine(Authentication caller) {
        Instant now = clock.instant();
        List<Conference> found = TeamAccess.isOperator(caller) ? conferences.all()
                : conferences.organisedBy(caller.getName());
        return found.stream().map(conference -> ConferenceView.forOrganiser(conference, now)).toList();
    }
}
