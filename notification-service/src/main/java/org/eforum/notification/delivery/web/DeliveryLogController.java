package org.eforum.notification.delivery.web;

import java.util.List;

import org.eforum.notification.delivery.Deliveries;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The delivery log of one registration, for organisers and operators (see the security configuration). */
@RestController
@RequestMapping("/api/notifications")
class DeliveryLogController {

    private final Deliveries deliveries;

    DeliveryLogController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** A missing {@code registrationId} is a 400 problem from Spring MVC; a blank one is refused here. */
    @GetMapping
    List<DeliveryLogEntry> ofRegistration(@RequestParam String registrationId) {
        if (registrationId.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "registrationId must not be blank");
        }
        return deliveries.ofRegistration(registrationId).stream().map(DeliveryLogEntry::of).toList();
    }
}
