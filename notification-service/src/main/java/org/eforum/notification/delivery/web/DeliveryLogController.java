package org.eforum.notification.delivery.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eforum.notification.delivery.Deliveries;
import org.eforum.notification.delivery.Delivery;
import org.eforum.notification.delivery.IncludedIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The delivery log of one registration, for organisers and operators (see the security configuration): its own mails
 * and the organisers' digests that listed it.
 */
@RestController
@RequestMapping("/api/notifications")
class DeliveryLogController {

    private final Deliveries deliveries;
    private final List<IncludedIn> includedIn;

    DeliveryLogController(Deliveries deliveries, List<IncludedIn> includedIn) {
        this.deliveries = deliveries;
        this.includedIn = includedIn;
    }

    /** A missing {@code registrationId} is a 400 problem from Spring MVC; a blank one is refused here. */
    @GetMapping
    List<DeliveryLogEntry> ofRegistration(@RequestParam String registrationId) {
        if (registrationId.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "registrationId must not be blank");
        }
        // Its own mails, and those that listed it among others (the organisers' digests), oldest first.
        List<Delivery> log = new ArrayList<>(deliveries.ofRegistration(registrationId));
        log.addAll(deliveries.findAll(includedIn.stream()
                .flatMap(source -> source.deliveryIdsIncluding(registrationId).stream()).distinct().toList()));
        log.sort(Comparator.comparing(Delivery::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Delivery::id));
        return log.stream().map(DeliveryLogEntry::of).toList();
    }
}
