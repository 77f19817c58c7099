package org.eforum.registration.conference;

import java.net.URI;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.eforum.platform.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/conferences", produces = MediaType.APPLICATION_JSON_VALUE)
class ConferenceController {

    private final ConferenceService conferences;
    private final TeamAccess access;
    private final Clock clock;

    ConferenceController(ConferenceService conferences, TeamAccess access, Clock clock) {
        this.conferences = conferences;
        this.access = access;
        this.clock = clock;
    }

    @Operation(summary = "Create a conference", description = "Its creator becomes its team.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ConferenceView> create(@Valid @RequestBody ConferenceRequest request, Authentication caller) {
        Conference created = conferences.create(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/conferences/" + created.id()))
                .body(ConferenceView.forOrganiser(created, clock.instant()));
    }

    @Operation(summary = "Change a conference (an organiser of its team)")
    @ApiResponse(responseCode = "403", description = "The caller is an organiser outside the conference's team")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ConferenceView update(@PathVariable String id, @Valid @RequestBody ConferenceRequest request,
            Authentication caller) {
        access.managed(id, caller);
        return ConferenceView.forOrganiser(conferences.update(id, request), clock.instant());
    }

    @Operation(summary = "Set the conference's own questions (an organiser of its team)",
            description = "The whole list, in the form's order: it replaces the one before. A question or option left "
                    + "out is kept retired (no longer asked, its answers still readable); a question's kind never "
                    + "changes. Labels in every language of the conference.")
    @ApiResponse(responseCode = "400", description = "A question or label is invalid; nothing is changed")
    @ApiResponse(responseCode = "403", description = "The caller is an organiser outside the conference's team")
    @PutMapping(path = "/{id}/questions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ConferenceView replaceQuestions(@PathVariable String id, @Valid @RequestBody QuestionsRequest request,
            Authentication caller) {
        access.managed(id, caller);
        return ConferenceView.forOrganiser(conferences.replaceQuestions(id, request), clock.instant());
    }

    @Operation(summary = "A conference (public)", description = "Its organisers (and operators) also see the cc "
            + "addresses and the team.")
    @GetMapping("/{id}")
    ConferenceView get(@PathVariable String id, @Nullable Authentication caller) {
        Conference conference = conferences.get(id);
        boolean organiser = caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ORGANISER)
                        || a.getAuthority().equals("ROLE_" + Roles.OPERATOR))
                && access.manages(conference, caller);
        return organiser ? ConferenceView.forOrganiser(conference, clock.instant())
                : ConferenceView.forPublic(conference, clock.instant());
    }
}
