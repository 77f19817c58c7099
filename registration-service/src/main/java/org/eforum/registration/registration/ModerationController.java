package org.eforum.registration.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.eforum.registration.conference.ConferenceNotFoundException;
import org.eforum.registration.conference.NotInTeamException;
import org.eforum.registration.conference.TeamAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisers approve or decline many registrations of a moderated conference at once (one at a time is
 * {@link OrganiserRegistrationController}'s). Another team's conference answers 404 like an unknown one.
 */
@RestController
@RequestMapping(path = "/api/conferences/{conferenceId}/registrations", produces = MediaType.APPLICATION_JSON_VALUE)
class ModerationController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String NOT_FOUND = "No such conference, or a conference outside the caller's teams";
    private static final String SKIPPED = "Each one on its own, in the order given (each its own event); "
            + "\"skipped\" lists the others with their reason: not-pending (approved, declined or cancelled "
            + "already), unknown (no such registration of the conference) or busy (changing meanwhile; retry). "
            + "\"message\" is optional, per language (bg, en; plain text, at most 2000 characters each): each "
            + "participant gets it in their language, else in the other one.";

    private final RegistrationService registrations;
    private final TeamAccess teams;

    ModerationController(RegistrationService registrations, TeamAccess teams) {
        this.registrations = registrations;
        this.teams = teams;
    }

    @Operation(summary = "Approve many registrations awaiting approval (an organiser of its team)",
            description = "Each approved one takes a seat if one is free and nobody waits (CONFIRMED), else joins "
                    + "the end of the waiting list (WAITLISTED). " + SKIPPED)
    @ApiResponse(responseCode = "200", description = "Done: the approved ones as they are now, and the skipped ones")
    @ApiResponse(responseCode = "400", description = "No ids, more than 200, or a message too long or not plain "
            + "text; nothing changed", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping(path = "/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    BulkModerationView approve(@PathVariable String conferenceId, @Valid @RequestBody BulkModerationRequest request,
            Authentication caller) {
        managed(conferenceId, caller);
        return BulkModerationView.of(registrations.moderate(conferenceId, request.registrationIds(), true,
                request.message(), Actor.of(caller)));
    }

    @Operation(summary = "Decline many registrations awaiting approval (an organiser of its team)",
            description = "Each declined one is DECLINED, final. " + SKIPPED)
    @ApiResponse(responseCode = "200", description = "Done: the declined ones, and the skipped ones")
    @ApiResponse(responseCode = "400", description = "No ids, more than 200, or a message too long or not plain "
            + "text; nothing changed", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    BulkModerationView decline(@PathVariable String conferenceId, @Valid @RequestBody BulkModerationRequest request,
            Authentication caller) {
        managed(conferenceId, caller);
        return BulkModerationView.of(registrations.moderate(conferenceId, request.registrationIds(), false,
                request.message(), Actor.of(caller)));
    }

    private void managed(String conferenceId, Authentication caller) {
        try {
            teams.managed(conferenceId, caller);
        } catch (NotInTeamException | ConferenceNotFoundException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No conference '" + conferenceId + "' among yours.");
            problem.setTitle("Conference not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, e);
        }
    }
}
