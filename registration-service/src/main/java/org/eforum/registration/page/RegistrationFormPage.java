package org.eforum.registration.page;

import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.ConferenceService;
import org.eforum.registration.registration.Registration;
import org.eforum.registration.registration.RegistrationConflictException;
import org.eforum.registration.registration.RegistrationRequest;
import org.eforum.registration.registration.RegistrationService;
import org.eforum.registration.registration.SelfServiceLinkSigner;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The registration form. A submission binds to the API's {@link RegistrationRequest} (inputs carry the JSON field
 * names), is validated by the same constraints and goes through the same {@link RegistrationService#register}; on
 * success the browser is redirected (POST-redirect-GET) to the participant's own page behind their token.
 */
@Controller
@RequestMapping("/conferences/{conferenceId}/register")
class RegistrationFormPage {

    private final ConferenceService conferences;
    private final RegistrationService registrations;
    private final SelfServiceLinkSigner links;
    private final FormOptions options;
    private final MessageSource messages;
    private final Clock clock;

    RegistrationFormPage(ConferenceService conferences, RegistrationService registrations, SelfServiceLinkSigner links,
            FormOptions options, MessageSource messages, Clock clock) {
        this.conferences = conferences;
        this.registrations = registrations;
        this.links = links;
        this.options = options;
        this.messages = messages;
        this.clock = clock;
    }

    /** An empty input is an absent value, as a missing JSON field is (so "required" reads the same in both). */
    @InitBinder
    void emptyInputIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : text);
            }
        });
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
        Map<String, String> values = submitted.toSingleValueMap();
        if (binding.hasErrors()) {
            return page(conference, locale, values, FormErrors.of(binding, messages, locale), null, HttpStatus.BAD_REQUEST);
        }
        Registration created;
        try {
            created = registrations.register(conferenceId, registration);
        } catch (RegistrationConflictException conflict) {
            return conflict(conferences.get(conferenceId), locale, values, conflict);
        }
        redirect.addFlashAttribute("justRegistered", true);
        RedirectView participantPage = new RedirectView(
                "/registrations/" + created.id() + "?token=" + links.tokenFor(created.id()), true);
        participantPage.setHttp10Compatible(false); // 303 See Other: the browser GETs the result page
        return new ModelAndView(participantPage);
    }

    private ModelAndView conflict(Conference conference, Locale locale, Map<String, String> values,
            RegistrationConflictException conflict) {
        Map<String, String> errors = new LinkedHashMap<>();
        String notice = null;
        if (conflict.kind() == RegistrationConflictException.Kind.DUPLICATE) {
            errors.put("email", messages.getMessage("form.duplicate", null, locale));
        } else {
            notice = messages.getMessage(conflict.kind() == RegistrationConflictException.Kind.CLOSED
                    ? "form.closedNow" : "form.notYetOpenNow", null, locale);
        }
        return page(conference, locale, values, errors, notice, HttpStatus.CONFLICT);
    }

    private ModelAndView page(Conference conference, Locale locale, Map<String, String> values,
            Map<String, String> errors, String notice, HttpStatus status) {
        ModelAndView page = new ModelAndView("register", status);
        page.addObject("conference", ConferenceCard.of(conference, locale, clock.instant()));
        page.addObject("values", values);
        page.addObject("errors", errors);
        page.addObject("notice", notice);
        page.addObject("stakeholderTypes", options.stakeholderTypes(locale));
        page.addObject("countries", options.countries(locale));
        page.addObject("languages", options.languages(locale));
        return page;
    }
}
