package org.eforum.operations.delivery;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /deliveries}: the latest mail deliveries, filtered by conference, status and recipient, each opening the
 * mail as it was sent ({@code GET /deliveries/mail?id=…}); so "I never got my confirmation" is answered in seconds.
 */
@Controller
class DeliveriesPage {

    private final NotificationLog log;

    DeliveriesPage(NotificationLog log) {
        this.log = log;
    }

    @GetMapping("/deliveries")
    ModelAndView deliveries(@RequestParam(required = false) String conferenceId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String recipient) {
        DeliveryFilter filter = new DeliveryFilter(conferenceId, status, recipient);
        Map<String, String> problems = filter.problems();
        ModelAndView page = new ModelAndView("deliveries", problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
        page.addObject("filter", filter);
        page.addObject("problems", problems);
        page.addObject("statuses", List.of("SENT", "RETRYING", "FAILED"));
        page.addObject("limit", NotificationLog.LIMIT);
        page.addObject("deliveries", List.of());
        if (problems.isEmpty()) {
            try {
                page.addObject("deliveries", log.recent(filter));
            } catch (ErrorResponseException e) {
                page.addObject("deliveriesError", e.getBody().getTitle() + ": " + e.getBody().getDetail());
            }
        }
        return page;
    }

    @GetMapping("/deliveries/mail")
    ModelAndView mail(@RequestParam String id, Model model) {
        ModelAndView page = new ModelAndView("delivery-mail");
        page.addObject("deliveryId", id);
        try {
            log.mail(id).ifPresentOrElse(mail -> page.addObject("mail", mail), () -> page.setStatus(HttpStatus.NOT_FOUND));
        } catch (ErrorResponseException e) {
            page.addObject("mailError", e.getBody().getTitle() + ": " + e.getBody().getDetail());
        }
        return page;
    }
}
