package org.eforum.registration.conference;

import java.util.List;
import java.util.stream.IntStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.eforum.registration.account.AccountService;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A conference's team: its organisers read and change it, and so may an operator. */
@RestController
class TeamController {

    private static final String NOT_IN_TEAM = "The caller is an organiser outside the conference's team";

    private final TeamAccess access;
    private final ConferenceService conferences;
    private final AccountService accounts;

    TeamController(TeamAccess access, ConferenceService conferences, AccountService accounts) {
        this.access = access;
        this.conferences = conferences;
        this.accounts = accounts;
    }

    @Operation(summary = "The conference's team (the usernames of its organisers)")
    @ApiResponse(responseCode = "403", description = NOT_IN_TEAM)
    @GetMapping(path = "/api/conferences/{id}/team", produces = MediaType.APPLICATION_JSON_VALUE)
    TeamView get(@PathVariable String id, Authentication caller) {
        return TeamView.of(access.managed(id, caller));
    }

    @Operation(summary = "Replace the conference's team", description = "Adds and removes organisers: the body is "
            + "the whole new team, at least one organiser account. The change reaches directory-service and "
            + "notification-service in the conference's next ConferenceChanged event.")
    @ApiResponse(responseCode = "400", description = "A username is no organiser's account (errors name "
            + "organisers[i]), or the list is empty or repeats a name")
    @ApiResponse(responseCode = "403", description = NOT_IN_TEAM)
    @PutMapping(path = "/api/conferences/{id}/team", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    TeamView change(@PathVariable String id, @Valid @RequestBody TeamRequest request, Authentication caller) {
        access.managed(id, caller);
        List<String> team = request.organisers();
        List<Integer> unknown = IntStream.range(0, team.size()).filter(i -> !accounts.isOrganiser(team.get(i)))
                .boxed().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownOrganisersException(unknown);
        }
        return TeamView.of(conferences.changeTeam(id, team));
    }
}
