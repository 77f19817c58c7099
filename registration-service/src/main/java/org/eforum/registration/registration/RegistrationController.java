package org.eforum.registration.registration;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.eforum.registration.conference.TeamAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistrationController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String TOO_MANY = "Too many submits from this client address to this conference "
            + "(eforum.registration.rate-limit); nothing was stored";
    private static final String NOT_IN_TEAM = "The caller is an organiser outside the conference's team";
    private static final String RETRY_AFTER = "Seconds until the client address may submit again";

    private final RegistrationService registrations;
    private final TeamAccess teams;
    private final DetailsCorrections corrections;

    RegistrationController(RegistrationService registrations, TeamAccess teams, DetailsCorrections corrections) {
        this.registrations = registrations;
        this.teams = teams;
        this.corrections = corrections;
    }

    @Operation(summary = "Register for a conference (public)", description = "Public writes are rate-limited per "
            + "client address and conference (eforum.registration.rate-limit, default 10 a minute). The client address "
            + "is the connection's, or the nearest untrusted X-Forwarded-For hop when the connection comes from a "
            + "trusted proxy (loopback and private ranges by default).")
    @ApiResponse(responseCode = "201", description = "Registered and durable: CONFIRMED, or WAITLISTED when no seat "
            + "is left, or PENDING (no seat taken) when the conference is moderated; Location names the registration")
    @ApiResponse(responseCode = "409", description = "This e-mail address is registered for the conference already "
            + "(the answer names nothing of that registration; its own link is mailed to the address again, at most "
            + "once per eforum.registration.link-resend-interval, default 10 minutes), or registration is not open",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = TOO_MANY, headers = @Header(name = HttpHeaders.RETRY_AFTER,
            description = RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
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
    @ApiResponse(responseCode = "200", description = "Cancelled; a freed seat goes to the first on the waiting list")
    @ApiResponse(responseCode = "429", description = "Too many writes from this client address to this registration "
            + "(eforum.registration.rate-limit)", headers = @Header(name = HttpHeaders.RETRY_AFTER,
            description = RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping(path = "/api/registrations/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    RegistrationView cancel(@PathVariable String id, @RequestParam(required = false) String token) {
        return RegistrationView.of(registrations.cancel(id, token));
    }

    /**
     * The participant confirms, with the token from their mail, that the address is theirs; only then do the
     * registration's consents to be listed and to join the experts' network take effect. A POST: mail scanners
     * follow GET links.
     */
    @Operation(summary = "Confirm the registration's e-mail address (the participant, with the token from their mail)",
            description = "Only once the address is confirmed do consents.listInDirectory and "
                    + "consents.joinExpertsNetwork take effect (the public directory, the experts' network). The seat "
                    + "or place on the waiting list is unchanged. Confirming again answers the same and publishes "
                    + "nothing more.")
    @ApiResponse(responseCode = "200", description = "Confirmed (now or before); addressConfirmedAt says when")
    @ApiResponse(responseCode = "404", description = "Unknown registration or wrong token",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The registration is cancelled: it cannot be confirmed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Too many writes from this client address to this registration "
            + "(eforum.registration.rate-limit)", headers = @Header(name = HttpHeaders.RETRY_AFTER,
            description = RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping(path = "/api/registrations/{id}/confirm-address", produces = MediaType.APPLICATION_JSON_VALUE)
    RegistrationView confirmAddress(@PathVariable String id, @RequestParam(required = false) String token) {
        return RegistrationView.of(registrations.confirmAddress(id, token));
    }

    @Operation(summary = "Correct the registration's details (the participant, with the token from their mail)",
            description = "The body of the registration form without notes (notes cannot be corrected here: a 400 "
                    + "names the field), validated exactly as the form is, answers to the conference's questions "
                    + "included (per-field errors, nothing changed). Only while the registration is PENDING, "
                    + "CONFIRMED or WAITLISTED and until the conference's registrationCloses; the seat or place on "
                    + "the waiting list is unchanged. The changes are stored with one RegistrationDetailsChanged "
                    + "naming them (changedFields); nothing changed, nothing published. A different e-mail address "
                    + "is not changed at once: a one-off link (valid eforum.registration.email-change.validity, "
                    + "default 48 hours; asking again replaces it) goes to the new address "
                    + "(RegistrationEmailChangeRequested), and only POST …/email/confirm with its token moves the "
                    + "registration. Rate-limited like the participant's other writes.")
    @ApiResponse(responseCode = "200", description = "Corrected (or nothing to change): the registration as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CorrectedRegistrationView.class)))
    @ApiResponse(responseCode = "202", description = "The other changes are stored; the new address was sent a "
            + "confirmation link, named by pendingEmail (the registration keeps its address until then)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CorrectedRegistrationView.class)))
    @ApiResponse(responseCode = "400", description = "Fields or answers missing or invalid, or notes given; nothing "
            + "was changed", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "Unknown registration or wrong token",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Registration has closed, the registration is cancelled or "
            + "declined, or another registration of the conference has the new address; nothing was changed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Too many writes from this client address to this registration "
            + "(eforum.registration.rate-limit)", headers = @Header(name = HttpHeaders.RETRY_AFTER,
            description = RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PutMapping(path = "/api/registrations/{id}/details", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CorrectedRegistrationView> correctDetails(@PathVariable String id,
            @RequestParam(required = false) String token, @Valid @RequestBody RegistrationRequest request) {
        DetailsCorrections.Correction correction = corrections.correct(id, token, request);
        return ResponseEntity.status(correction.pendingEmail() == null ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(CorrectedRegistrationView.of(correction));
    }

    /** The new address confirms an address change with the token mailed to it. A POST: mail scanners follow GETs. */
    @Operation(summary = "Confirm the registration's new e-mail address (with the token mailed to it)",
            description = "Moves the registration to the address its participant asked for (PUT …/details): "
                    + "publishes RegistrationDetailsChanged with changedFields [\"email\"], sealed under the new "
                    + "address's person; the new address counts as confirmed (addressConfirmedAt is set if it was "
                    + "not). The token works once. Rate-limited like the participant's other writes.")
    @ApiResponse(responseCode = "200", description = "Moved: the registration with its new address")
    @ApiResponse(responseCode = "404", description = "Unknown registration, or a wrong, expired or used token",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Another registration of the conference has the address by now, "
            + "or the registration is cancelled or declined; nothing was changed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Too many writes from this client address to this registration "
            + "(eforum.registration.rate-limit)", headers = @Header(name = HttpHeaders.RETRY_AFTER,
            description = RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping(path = "/api/registrations/{id}/email/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
    RegistrationView confirmEmail(@PathVariable String id, @RequestParam(required = false) String token) {
        return RegistrationView.of(corrections.confirmEmail(id, token));
    }

    @Operation(summary = "The conference's registrations (an organiser of its team)")
    @ApiResponse(responseCode = "403", description = NOT_IN_TEAM,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping(path = "/api/conferences/{conferenceId}/registrations", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RegistrationView> list(@PathVariable String conferenceId, Authentication caller) {
        teams.managed(conferenceId, caller);
        return registrations.ofConference(conferenceId).stream().map(RegistrationView::of).toList();
    }

    @Operation(summary = "The conference's registrations as CSV (an organiser of its team)")
    @ApiResponse(responseCode = "403", description = NOT_IN_TEAM,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping(path = "/api/conferences/{conferenceId}/registrations", produces = "text/csv")
    ResponseEntity<byte[]> listAsCsv(@PathVariable String conferenceId, Authentication caller) {
        String csv = RegistrationCsv.of(columns(conferenceId), list(conferenceId, caller));
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + conferenceId + "-registrations.csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The same list as an Excel workbook; springdoc merges the three representations into one GET. */
    @ApiResponse(responseCode = "200", description = "The conference's registrations in the order they came: JSON; "
            + "CSV (text/csv, UTF-8 with a byte-order mark, a value starting with =, +, -, @, TAB or CR prefixed with "
            + "'); or an Excel workbook with the CSV's columns, every value a text cell (the consents TRUE/FALSE), "
            + "never a formula", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = RegistrationView.class))),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "403", description = NOT_IN_TEAM,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping(path = "/api/conferences/{conferenceId}/registrations", produces = XLSX)
    ResponseEntity<byte[]> listAsXlsx(@PathVariable String conferenceId, Authentication caller) {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        List<RegistrationView> all = list(conferenceId, caller);
        RegistrationXlsx.write(columns(conferenceId), all.stream(), xlsx);
        return ResponseEntity.ok().contentType(RegistrationXlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + conferenceId + "-registrations.xlsx\"")
                .body(xlsx.toByteArray());
    }

    /** The export's columns: the registration's own, then one per question of the conference. */
    private ExportColumns columns(String conferenceId) {
        return ExportColumns.of(registrations.conferenceOf(conferenceId));
    }
}
