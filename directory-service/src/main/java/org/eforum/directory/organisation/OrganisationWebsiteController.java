package org.eforum.directory.organisation;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organisers set or remove an organisation's website; the directory's public views then link it. */
@RestController
class OrganisationWebsiteController {

    private final Organisations organisations;
    private final OrganisationWebsites websites;
    private final Clock clock = Clock.systemUTC();

    OrganisationWebsiteController(Organisations organisations, OrganisationWebsites websites) {
        this.organisations = organisations;
        this.websites = websites;
    }

    @PutMapping(path = "/api/directory/organisations/{id}/website", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> set(@PathVariable String id, @RequestBody WebsiteRequest request, Principal organiser) {
        known(id);
        if (!request.isValid()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Some fields are missing or invalid.");
            problem.setTitle("Invalid request");
            problem.setProperty("errors", List.of(Map.of("field", "website",
                    "message", "must be an http or https address of at most " + WebsiteRequest.MAX_LENGTH + " characters")));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        if (request.removes()) {
            websites.remove(id);
            return Map.of("id", id);
        }
        websites.set(id, request.website().strip(), organiser.getName(), clock.instant());
        return Map.of("id", id, "website", request.website().strip());
    }

    @DeleteMapping("/api/directory/organisations/{id}/website")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String id) {
        known(id);
        websites.remove(id);
    }

    private void known(String id) {
        if (organisations.find(id).isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no organisation '" + id + "'.");
            problem.setTitle("Organisation not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
    }
}
