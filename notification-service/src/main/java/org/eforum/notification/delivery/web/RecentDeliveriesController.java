package org.eforum.notification.delivery.web;

import java.util.List;

import org.eforum.notification.delivery.Deliveries;
import org.eforum.notification.delivery.DeliveryStatus;
import org.eforum.notification.delivery.SentMails;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operators' view of mail across conferences (the console's deliveries page): the latest deliveries, filtered,
 * and the mail a delivery sent. Operators only (see the security configuration): it spans every conference.
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
class RecentDeliveriesController {

    static final int MAX_LIMIT = 500;

    private final Deliveries deliveries;
    private final SentMails sentMails;

    RecentDeliveriesController(Deliveries deliveries, SentMails sentMails) {
        this.deliveries = deliveries;
        this.sentMails = sentMails;
    }

    /** A status that is not SENT, RETRYING or FAILED is a 400 from Spring MVC's conversion. */
    @GetMapping
    List<DeliveryLogEntry> recent(@RequestParam(required = false) String conferenceId,
            @RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) String recipient,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be from 1 to " + MAX_LIMIT);
        }
        if ((recipient != null && recipient.length() > 320) || (conferenceId != null && conferenceId.length() > 64)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "recipient or conferenceId is too long");
        }
        return deliveries.recent(conferenceId, status, recipient, limit).stream().map(DeliveryLogEntry::of).toList();
    }

    @GetMapping("/{id}/mail")
    SentMailView mail(@PathVariable String id) {
        deliveries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No delivery " + id));
        return sentMails.find(id).map(SentMailView::of).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Delivery " + id + " has no copy of its mail: it was not sent (yet), it was "
                        + "a digest, or its participant was erased."));
    }
}
