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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisers' actions on one registration of their conference, as the workspace's registration page offers
 * them. Another team's conference answers 404 like an unknown one (and like the page): it names nothing of it.
 */
@RestController
@RequestMapping(path = "/api/conferences/{conferenceId}/registrations/{registrationId}",
        produces = MediaType.APPLICATION_JSON_VALUE)
class OrganiserRegistrationController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String NOT_FOUND = "No such registration of the conference, no such conference, or a "
            + "conference outside the caller's teams";

    private final RegistrationService registrations;
    private final TeamAccess teams;

    OrganiserRegistrationController(RegistrationService registrations, TeamAccess teams) {
        this.registrations = registrations;
        this.teams = teams;
    }

    @Operation(summary = "One registration of the conference, with its history (an organiser of its team)")
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping
    OrganiserRegistrationView get(@PathVariable String conferenceId, @PathVariable String registrationId,
            Authentication caller) {
        managed(conferenceId, caller);
        return OrganiserRegistrationView.of(registrations.ofConference(conferenceId, registrationId));
    }

    @Operation(summary = "Cancel on the participant's behalf (an organiser of its team)",
            description = "As the participant's own cancel: a freed seat goes to the first on the waiting list. "
                    + "The history names the caller.")
    @ApiResponse(responseCode = "200", description = "Cancelled")
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Cancelled already; nothing changed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping("/cancel")
    OrganiserRegistrationView cancel(@PathVariable String conferenceId, @PathVariable String registrationId,
            Authentication caller) {
        managed(conferenceId, caller);
        return OrganiserRegistrationView.of(registrations.cancelFor(conferenceId, registrationId, Actor.of(caller)));
    }

    @Operation(summary = "Promote from the waiting list out of order (an organiser of its team)",
            description = "Only a WAITLISTED registration, and only into a free seat (seatsLeft > 0): the capacity is "
                    + "never exceeded. The participant gets the promoted mail (RegistrationPromoted).")
    @ApiResponse(responseCode = "200", description = "Promoted: CONFIRMED")
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Not on the waiting list, or no seat is free; nothing changed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping("/promote")
    OrganiserRegistrationView promote(@PathVariable String conferenceId, @PathVariable String registrationId,
            Authentication caller) {
        managed(conferenceId, caller);
        return OrganiserRegistrationView.of(
                registrations.promoteOutOfOrder(conferenceId, registrationId, Actor.of(caller)));
    }

    @Operation(summary = "Send the participant's mail again (an organiser of its team)",
            description = "The mail of the current status (confirmed, waitlisted or cancelled), with the participant's "
                    + "link: one more mail per call (RegistrationMailResent), visible in the delivery log.")
    @ApiResponse(responseCode = "200", description = "Asked for: the mail goes out through notification-service")
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping("/resend-mail")
    OrganiserRegistrationView resendMail(@PathVariable String conferenceId, @PathVariable String registrationId,
            Authentication caller) {
        managed(conferenceId, caller);
        return OrganiserRegistrationView.of(registrations.resendMail(conferenceId, registrationId, Actor.of(caller)));
    }

    @Operation(summary = "Approve a registration awaiting approval (an organiser of its team)",
            description = "A moderated conference's PENDING registration takes a seat if one is free and nobody "
                    + "waits (CONFIRMED), else joins the end of the waiting list (WAITLISTED): RegistrationApproved, "
                    + "with the optional message (plain text, at most 2000 characters, in the participant's "
                    + "language) for the participant's mail. The history names the caller.")
    @ApiResponse(responseCode = "200", description = "Approved: CONFIRMED or WAITLISTED")
    @ApiResponse(responseCode = "400", description = "The message is too long or not plain text; nothing changed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Not PENDING; nothing changed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping("/approve")
    RegistrationView approve(@PathVariable String conferenceId, @PathVariable String registrationId,
            @Valid @RequestBody(required = false) ModerationRequest body, Authentication caller) {
        managed(conferenceId, caller);
        return RegistrationView.of(registrations.approve(conferenceId, registrationId, Actor.of(caller),
                body == null ? null : body.message()));
    }

    @Operation(summary = "Decline a registration awaiting approval (an organiser of its team)",
            description = "A moderated conference's PENDING registration becomes DECLINED, final: "
                    + "RegistrationDeclined, with the optional message (plain text, at most 2000 characters, in the "
                    + "participant's language) for the participant's mail. The history names the caller.")
    @ApiResponse(responseCode = "200", description = "Declined")
    @ApiResponse(responseCode = "400", description = "The message is too long or not plain text; nothing changed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Not PENDING; nothing changed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping("/decline")
    RegistrationView decline(@PathVariable String conferenceId, @PathVariable String registrationId,
            @Valid @RequestBody(required = false) ModerationRequest body, Authentication caller) {
        managed(conferenceId, caller);
        return RegistrationView.of(registrations.decline(conferenceId, registrationId, Actor.of(caller),
                body == null ? null : body.message()));
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
