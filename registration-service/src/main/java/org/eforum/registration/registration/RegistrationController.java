package org.eforum.registration.registration;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistrationController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @PostMapping(path = "/api/conferences/{conferenceId}/registrations",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RegistrationCreated> register(@PathVariable String conferenceId,
            @Valid @RequestBody RegistrationRequest request) {
        Registration registration = registrations.register(conferenceId, request);
        return ResponseEntity.created(URI.create("/api/registrations/" + registration.id()))
                .body(new RegistrationCreated(registration.id(), conferenceId, registration.status(),
                        registrations.selfServiceLink(registration)));
    }

    @GetMapping(path = "/api/registrations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    RegistrationView get(@PathVariable String id, @RequestParam(required = false) String token) {
        return registrations.forParticipant(id, token).map(RegistrationView::of)
                .orElseThrow(RegistrationNotFoundException::new);
    }

    /** The participant cancels with the token from their mail; 404 for a wrong token, 409 when cancelled already. */
    @PostMapping(path = "/api/registrations/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    RegistrationView cancel(@PathVariable String id, @RequestParam(required = false) String token) {
        return RegistrationView.of(registrations.cancel(id, token));
    }

    @GetMapping(path = "/api/conferences/{conferenceId}/registrations", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RegistrationView> list(@PathVariable String conferenceId) {
        return registrations.ofConference(conferenceId).stream().map(RegistrationView::of).toList();
    }

    @GetMapping(path = "/api/conferences/{conferenceId}/registrations", produces = "text/csv")
    ResponseEntity<byte[]> listAsCsv(@PathVariable String conferenceId) {
        String csv = RegistrationCsv.of(list(conferenceId));
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + conferenceId + "-registrations.csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
