package org.eforum.notification.delivery.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.eforum.notification.conference.Conferences;
import org.eforum.notification.delivery.Deliveries;
import org.eforum.notification.delivery.Delivery;
import org.eforum.notification.delivery.IncludedIn;
import org.eforum.platform.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The delivery log of one registration, for organisers and operators (see the security configuration): its own mails
 * and the organisers' digests that listed it. An organiser sees it only when every conference its mails belong to
 * names them in its team, as this service last read it from the conference's events; otherwise 403.
 */
@RestController
@RequestMapping("/api/notifications")
class DeliveryLogController {

    private static final String OPERATOR = "ROLE_" + Roles.OPERATOR;

    private final Deliveries deliveries;
    private final List<IncludedIn> includedIn;
    private final Conferences conferences;

    DeliveryLogController(Deliveries deliveries, List<IncludedIn> includedIn, Conferences conferences) {
        this.deliveries = deliveries;
        this.includedIn = includedIn;
        this.conferences = conferences;
    }

    /** A missing {@code registrationId} is a 400 problem from Spring MVC; a blank one is refused here. */
    @ApiResponse(responseCode = "403", description = "The caller is an organiser outside the team of the "
            + "registration's conference")
    @GetMapping
    List<DeliveryLogEntry> ofRegistration(@RequestParam String registrationId, Authentication caller) {
        if (registrationId.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "registrationId must not be blank");
        }
        // Its own mails, and those that listed it among others (the organisers' digests), oldest first.
        List<Delivery> log = new ArrayList<>(deliveries.ofRegistration(registrationId));
        log.addAll(deliveries.findAll(includedIn.stream()
                .flatMap(source -> source.deliveryIdsIncluding(registrationId).stream()).distinct().toList()));
        log.sort(Comparator.comparing(Delivery::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Delivery::id));
        if (!isOperator(caller) && !organisesAll(log, caller.getName())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Only the organisers in the team of this registration's conference may read its delivery log.");
            problem.setTitle("Not an organiser of this conference");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        return log.stream().map(DeliveryLogEntry::of).toList();
    }

    private boolean organisesAll(List<Delivery> log, String username) {
        return log.stream().map(Delivery::conferenceId).distinct().allMatch(conferenceId ->
                conferences.find(conferenceId).map(conference -> conference.hasOrganiser(username)).orElse(false));
    }

    private static boolean isOperator(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(authority -> OPERATOR.equals(authority.getAuthority()));
    }
}
