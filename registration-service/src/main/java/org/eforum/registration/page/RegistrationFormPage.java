package org.eforum.registration.page;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.ConferenceService;
import org.eforum.registration.ratelimit.PublicWriteRateLimit;
import org.eforum.registration.ratelimit.TooManySubmissionsException;
import org.eforum.registration.registration.InvalidAnswersException;
import org.eforum.registration.registration.Registration;
import org.eforum.registration.registration.RegistrationConflictException;
import org.eforum.registration.registration.RegistrationRequest;
import org.eforum.registration.registration.RegistrationService;
import org.eforum.registration.registration.SelfServiceLinkSigner;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The registration form. A submission binds to the API's {@link RegistrationRequest} (inputs carry the JSON field
 * names), is validated by the same constraints and goes through the same {@link RegistrationService#register}; on
 * success the browser is redirected (POST-redirect-GET) to the participant's own page behind their token. A repeat
 * of a registered address shows the same neutral words as the API's 409 (the link goes to that address by mail).
 */
@Controller
@RequestMapping("/conferences/{conferenceId}/register")
class RegistrationFormPage {

    private final ConferenceService conferences;
    private final RegistrationService registrations;
    private final SelfServiceLinkSigner links;
    private final ParticipantForm form;
    private final MessageSource messages;

    RegistrationFormPage(ConferenceService conferences, RegistrationService registrations, SelfServiceLinkSigner links,
            ParticipantForm form, MessageSource messages) {
        this.conferences = conferences;
        this.registrations = registrations;
        this.links = links;
        this.form = form;
        this.messages = messages;
    }

    /** An empty input is an absent value, as a missing JSON field is (so "required" reads the same in both). */
    @InitBinder
    void emptyInputIsAbsent(WebDataBinder binder) {
        ParticipantForm.emptyInputIsAbsent(binder);
    }

    @GetMapping
    ModelAndView form(@PathVariable String conferenceId, HttpServletRequest request) {
        Conference conference = conferences.get(conferenceId);
        Locale locale = PageLanguageResolver.fallBackTo(request, ConferenceCard.mainLanguage(conference));
        Map<String, String> values = new HashMap<>();
        values.put("language", locale.getLanguage());
        return page(conference, locale, values, Map.of(), null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView submit(@PathVariable String conferenceId,
            @Valid @ModelAttribute("registration") RegistrationRequest registration, BindingResult binding,
            @RequestParam MultiValueMap<String, String> submitted, HttpServletRequest request,
            RedirectAttributes redirect) {
        Conference conference = conferences.get(conferenceId);
        Locale locale = PageLanguageResolver.fallBackTo(request, ConferenceCard.mainLanguage(conference));
        Map<String, String> values = withoutTrap(submitted.toSingleValueMap());
        if (isFilled(submitted.getFirst(HONEYPOT))) {
            // A bot (or, rarely, a browser's autofill): nothing is stored and no mail goes out. A 400 with a neutral
            // word rather than a fake success, so that a person caught by mistake can simply send the form again.
            return page(conference, locale, values, Map.of(), messages.getMessage("form.notSent", null, locale),
                    HttpStatus.BAD_REQUEST);
        }
        Map<String, Object> answers = FormAnswers.of(conference, submitted);
        if (binding.hasErrors()) {
            Map<String, String> errors = form.errors(binding, conference, registration.stakeholderType(), answers,
                    locale);
            return page(conference, locale, values, submitted, errors, null, HttpStatus.BAD_REQUEST);
        }
        Registration created;
        try {
            created = registrations.register(conferenceId, registration.withAnswers(answers));
        } catch (RegistrationConflictException conflict) {
            return conflict(conferences.get(conferenceId), locale, values, submitted, conflict);
        } catch (InvalidAnswersException refused) {
            return page(conference, locale, values, submitted, form.answerErrors(refused.problems(), locale), null,
                    HttpStatus.BAD_REQUEST);
        }
        redirect.addFlashAttribute("justRegistered", true);
        RedirectView participantPage = new RedirectView(
                "/registrations/" + created.id() + "?token=" + links.tokenFor(created.id()), true);
        participantPage.setHttp10Compatible(false); // 303 See Other: the browser GETs the result page
        return new ModelAndView(participantPage);
    }

    /**
     * Over the address's budget for this conference ({@link PublicWriteRateLimit}, before anything was read): the
     * form again with what was typed, a notice saying how long to wait, 429 and {@code Retry-After}.
     */
    @ExceptionHandler(TooManySubmissionsException.class)
    ModelAndView tooMany(TooManySubmissionsException refused, HttpServletRequest request, HttpServletResponse response) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Conference conference = conferences.get(path.get("conferenceId"));
        Locale locale = PageLanguageResolver.fallBackTo(request, ConferenceCard.mainLanguage(conference));
        Map<String, String> values = new HashMap<>();
        request.getParameterMap().forEach((name, given) -> values.put(name, given.length == 0 ? null : given[0]));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        LinkedMultiValueMap<String, String> chosen = new LinkedMultiValueMap<>();
        request.getParameterMap().forEach((name, given) -> chosen.put(name, List.of(given)));
        return page(conference, locale, withoutTrap(values), chosen, Map.of(),
                messages.getMessage("form.tooMany", new Object[] {refused.retryAfterSeconds()}, locale),
                HttpStatus.TOO_MANY_REQUESTS);
    }

    /** The honeypot's name: no field of the API, and a word bots like to fill in. */
    static final String HONEYPOT = "website";

    private static boolean isFilled(String value) {
        return value != null && !value.isEmpty();
    }

    /** The honeypot is never written back into the form. */
    private static Map<String, String> withoutTrap(Map<String, String> values) {
        Map<String, String> kept = new HashMap<>(values);
        kept.remove(HONEYPOT);
        return kept;
    }

    private ModelAndView conflict(Conference conference, Locale locale, Map<String, String> values,
            MultiValueMap<String, String> submitted, RegistrationConflictException conflict) {
        Map<String, String> errors = new LinkedHashMap<>();
        String notice = null;
        if (conflict.kind() == RegistrationConflictException.Kind.DUPLICATE) {
            errors.put("email", messages.getMessage("form.duplicate", null, locale));
        } else {
            notice = messages.getMessage(conflict.kind() == RegistrationConflictException.Kind.CLOSED
                    ? "form.closedNow" : "form.notYetOpenNow", null, locale);
        }
        return page(conference, locale, values, submitted, errors, notice, HttpStatus.CONFLICT);
    }

    private ModelAndView page(Conference conference, Locale locale, Map<String, String> values,
            Map<String, String> errors, String notice, HttpStatus status) {
        return page(conference, locale, values, new LinkedMultiValueMap<>(), errors, notice, status);
    }

    /** {@code chosen}: every value of each input, for the boxes of a several-options question. */
    private ModelAndView page(Conference conference, Locale locale, Map<String, String> values,
            MultiValueMap<String, String> chosen, Map<String, String> errors, String notice, HttpStatus status) {
        ModelAndView page = form.page("register", conference, locale, values, chosen, errors, notice, status);
        page.addObject("moderated", conference.isModerated());
        return page;
    }
}
