package org.eforum.registration.page;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.conference.ConferenceService;
import org.eforum.registration.registration.DetailsCorrections;
import org.eforum.registration.registration.Registration;
import org.eforum.registration.registration.RegistrationConflictException;
import org.eforum.registration.registration.RegistrationService;
import org.eforum.registration.registration.SelfServiceLinkSigner;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code GET /registrations/{id}?token=…}: the participant's own page, also where the form lands after a
 * registration. Only the token opens it; without it, or with a wrong one, the page does not exist (404), so
 * registration ids cannot be probed. The page's cancel button posts (with the form's CSRF token) to
 * {@code /registrations/{id}/cancel?token=…}; its "Confirm my address" button, shown while the registration asks
 * for something public that waits for the address to be confirmed, to {@code /registrations/{id}/confirm-address}.
 * While the registration can be corrected, a link leads to its corrections ({@link DetailsCorrectionPage}).
 */
@Controller
class ParticipantPage {

    private final RegistrationService registrations;
    private final ConferenceService conferences;
    private final SelfServiceLinkSigner links;
    private final Clock clock;
    private final DetailsCorrections corrections;

    ParticipantPage(RegistrationService registrations, ConferenceService conferences, SelfServiceLinkSigner links,
            Clock clock, DetailsCorrections corrections) {
        this.corrections = corrections;
        this.registrations = registrations;
        this.conferences = conferences;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/registrations/{id}")
    ModelAndView show(@PathVariable String id, @RequestParam(required = false) String token,
            HttpServletRequest request, HttpServletResponse response) {
        Registration registration = registrations.forParticipant(id, token).orElseThrow(PageNotFoundException::new);
        Locale locale = PageLanguageResolver.fallBackTo(request, registration.participant().language());
        // The address carries the secret token: never send it on as a Referer, never let it be indexed.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        ModelAndView page = new ModelAndView("registration");
        page.addObject("conference", ConferenceCard.of(conferences.get(registration.conferenceId()), locale, clock.instant()));
        page.addObject("participant", registration.participant());
        page.addObject("status", registration.status().name());
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale);
        page.addObject("registeredAt", dateTime.format(registration.registeredAt().atZone(ConferenceCard.LOCAL_TIME)));
        page.addObject("addressConfirmedAt", registration.addressConfirmedAt() == null ? null
                : dateTime.format(registration.addressConfirmedAt().atZone(ConferenceCard.LOCAL_TIME)));
        page.addObject("awaitsConfirmation", registration.awaitsAddressConfirmation());
        page.addObject("confirmAction", "/registrations/" + registration.id() + "/confirm-address?token="
                + links.tokenFor(registration.id()));
        page.addObject("selfServiceUrl", links.linkFor(registration.id()));
        page.addObject("correctable", corrections.isCorrectable(registration));
        page.addObject("pendingEmail", corrections.pendingEmail(registration).orElse(null));
        page.addObject("detailsUrl", "/registrations/" + registration.id() + "/details?token="
                + links.tokenFor(registration.id()));
        page.addObject("cancelAction", "/registrations/" + registration.id() + "/cancel?token=" + links.tokenFor(registration.id()));
        return page;
    }

    @PostMapping("/registrations/{id}/cancel")
    ModelAndView cancel(@PathVariable String id, @RequestParam(required = false) String token, RedirectAttributes redirect) {
        registrations.forParticipant(id, token).orElseThrow(PageNotFoundException::new);
        try {
            registrations.cancel(id, token);
            redirect.addFlashAttribute("justCancelled", true);
        } catch (RegistrationConflictException alreadyCancelled) {
            // A second click, or a second tab: the page below says it is cancelled, which is what was wanted.
        }
        return backToThePage(id);
    }

    @PostMapping("/registrations/{id}/confirm-address")
    ModelAndView confirmAddress(@PathVariable String id, @RequestParam(required = false) String token,
            RedirectAttributes redirect) {
        registrations.forParticipant(id, token).orElseThrow(PageNotFoundException::new);
        try {
            registrations.confirmAddress(id, token);
            redirect.addFlashAttribute("justConfirmed", true);
        } catch (RegistrationConflictException cancelledMeanwhile) {
            // Cancelled in another tab: the page below says so, and offers nothing to confirm.
        }
        return backToThePage(id);
    }

    private ModelAndView backToThePage(String id) {
        RedirectView participantPage = new RedirectView("/registrations/" + id + "?token=" + links.tokenFor(id), true);
        participantPage.setHttp10Compatible(false); // 303 See Other: a reload does not post again
        return new ModelAndView(participantPage);
    }
}
