package org.eforum.registration.organiser;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.TeamAccess;
import org.eforum.registration.maillog.DeliveryLog;
import org.eforum.registration.page.ConferenceCard;
import org.eforum.registration.registration.Actor;
import org.eforum.registration.registration.Registration;
import org.eforum.registration.registration.RegistrationConflictException;
import org.eforum.registration.registration.ModerationRequest;
import org.eforum.registration.registration.RegistrationService;
import org.eforum.registration.validation.PlainTextValidator;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * One registration as the organiser works with it: its details, its history (who did what, when), its mails with
 * their delivery status from notification-service, and the actions (cancel for the participant, promote out of
 * order, resend the participant's mail; approve or decline a pending one, with an optional message), each behind a
 * confirmation page whose form posts with the CSRF token.
 */
@Controller
@RequestMapping("/organiser/conferences/{id}/registrations/{registrationId}")
class OrganiserRegistrationPage {

    private final TeamAccess team;
    private final RegistrationService registrations;
    private final DeliveryLog deliveryLog;
    private final Moments moments;

    OrganiserRegistrationPage(TeamAccess team, RegistrationService registrations, DeliveryLog deliveryLog,
            Moments moments) {
        this.team = team;
        this.registrations = registrations;
        this.deliveryLog = deliveryLog;
        this.moments = moments;
    }

    @GetMapping
    ModelAndView registration(@PathVariable String id, @PathVariable String registrationId,
            @RequestParam(required = false) String done, HttpServletRequest request, Authentication organiser) {
        Conference conference = team.managed(id, organiser);
        Registration registration = registrations.ofConference(id, registrationId);
        Locale locale = locale(request);
        ModelAndView page = page("organiser/registration", conference, registration, locale);
        Optional<List<MailLine>> mails = deliveryLog.of(registrationId)
                .map(log -> log.stream().map(delivery -> MailLine.of(delivery, locale, moments)).toList());
        page.addObject("mails", mails.orElse(null));
        page.addObject("answers", AnswerLine.of(conference.questions(),
                registration.participant().answersOrNone(), locale));
        page.addObject("notice", RegistrationAction.of(done == null ? "" : done)
                .map(action -> "organiser.action." + action.param() + ".done").orElse(null));
        page.addObject("canCancel", !registration.isCancelled() && !registration.isDeclined());
        page.addObject("canPromote", registration.isWaitlisted());
        page.addObject("canModerate", registration.isPending());
        return page;
    }

    /** The confirmation step: what the action will do, and the button that does it. */
    @GetMapping("/{action:cancel|promote|resend-mail|approve|decline}")
    ModelAndView confirm(@PathVariable String id, @PathVariable String registrationId, @PathVariable String action,
            HttpServletRequest request, Authentication organiser) {
        RegistrationAction chosen = RegistrationAction.of(action).orElseThrow();
        Conference conference = team.managed(id, organiser);
        Registration registration = registrations.ofConference(id, registrationId);
        return confirmation(conference, registration, chosen, locale(request), null);
    }

    /** An approval's or decline's optional message, as typed; its problem (a message code) when it has one. */
    private static Optional<String> messageProblem(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        if (message.strip().replace("\r\n", "\n").length() > ModerationRequest.MESSAGE_MAX) {
            return Optional.of("organiser.moderation.messageTooLong");
        }
        if (!PlainTextValidator.isPlainText(message, true)) {
            return Optional.of("organiser.moderation.messageNotPlain");
        }
        return Optional.empty();
    }

    @PostMapping("/{action:cancel|promote|resend-mail|approve|decline}")
    ModelAndView act(@PathVariable String id, @PathVariable String registrationId, @PathVariable String action,
            @RequestParam(required = false) String message, HttpServletRequest request, Authentication organiser) {
        RegistrationAction chosen = RegistrationAction.of(action).orElseThrow();
        Conference conference = team.managed(id, organiser);
        Optional<String> refusedMessage = chosen.takesMessage() ? messageProblem(message) : Optional.empty();
        if (refusedMessage.isPresent()) {
            // Beside the message, with what was typed; nothing changed.
            ModelAndView page = confirmation(conference, registrations.ofConference(id, registrationId), chosen,
                    locale(request), refusedMessage.get());
            page.addObject("message", message);
            page.addObject("messageError", refusedMessage.get());
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        try {
            perform(chosen, id, registrationId, Actor.of(organiser), chosen.takesMessage() ? message : null);
        } catch (RegistrationConflictException refused) {
            // Said beside the button, and nothing changed: the registration is read again as it is now.
            ModelAndView page = confirmation(conference, registrations.ofConference(id, registrationId), chosen,
                    locale(request), "organiser.action.refused." + refused.kind().name());
            page.setStatus(HttpStatus.CONFLICT);
            return page;
        }
        return new ModelAndView("redirect:/organiser/conferences/" + id + "/registrations/" + registrationId
                + "?done=" + chosen.param());
    }

    private void perform(RegistrationAction action, String conferenceId, String registrationId, Actor by,
            String message) {
        switch (action) {
            case CANCEL -> registrations.cancelFor(conferenceId, registrationId, by);
            case PROMOTE -> registrations.promoteOutOfOrder(conferenceId, registrationId, by);
            case RESEND_MAIL -> registrations.resendMail(conferenceId, registrationId, by);
            case APPROVE -> registrations.approve(conferenceId, registrationId, by, message);
            case DECLINE -> registrations.decline(conferenceId, registrationId, by, message);
        }
    }

    private ModelAndView confirmation(Conference conference, Registration registration, RegistrationAction action,
            Locale locale, String error) {
        ModelAndView page = page("organiser/registration-action", conference, registration, locale);
        page.addObject("action", action.param());
        page.addObject("error", error);
        page.addObject("seatsLeft", conference.seatsLeft());
        page.addObject("takesMessage", action.takesMessage());
        page.addObject("participantLanguage", Locale.forLanguageTag(registration.participant().language())
                .getDisplayLanguage(locale));
        page.addObject("participantLanguageCode", registration.participant().language());
        return page;
    }

    private ModelAndView page(String view, Conference conference, Registration registration, Locale locale) {
        ModelAndView page = new ModelAndView(view);
        String language = locale.getLanguage();
        page.addObject("conferenceId", conference.id());
        page.addObject("title", ConferenceSnapshot.localized(conference.title(), language, conference.languages()));
        page.addObject("titleLanguage", ConferenceCard.languageOf(conference.title(), language, conference));
        page.addObject("registration", RegistrationDetails.of(registration, locale, moments));
        page.addObject("path", "/organiser/conferences/" + conference.id() + "/registrations/" + registration.id());
        return page;
    }

    private static Locale locale(HttpServletRequest request) {
        return PageLanguageResolver.fallBackTo(request, OrganiserConferencesPage.DEFAULT_LANGUAGE);
    }
}
