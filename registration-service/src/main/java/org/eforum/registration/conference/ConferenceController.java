package org.eforum.registration.conference;

import java.net.URI;
import java.time.Clock;

import jakarta.validation.Valid;
import org.eforum.platform.security.Roles;
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
    private final Clock clock;

    ConferenceController(ConferenceService conferences, Clock clock) {
        this.conferences = conferences;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ConferenceView> create(@Valid @RequestBody ConferenceRequest request) {
        Conference created = conferences.create(request);
        return ResponseEntity.created(URI.create("/api/conferences/" + created.id()))
                .body(ConferenceView.forOrganiser(created, clock.instant()));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ConferenceView update(@PathVariable String id, @Valid @RequestBody ConferenceRequest request) {
        return ConferenceView.forOrganiser(conferences.update(id, request), clock.instant());
    }

    @GetMapping("/{id}")
    ConferenceView get(@PathVariable String id, Authentication caller) {
        Conference conference = conferences.get(id);
        boolean organiser = caller != null && caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ORGANISER));
        return organiser ? ConferenceView.forOrganiser(conference, clock.instant())
                : ConferenceView.forPublic(conference, clock.instant());
    }
}
