package org.eforum.registration.organiser;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.ConferenceConflictException;
import org.eforum.registration.conference.ConferenceService;
import org.eforum.registration.conference.TeamAccess;
import org.eforum.registration.page.FormOptions;
import org.eforum.registration.registration.Registrations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The organiser's conferences: the list with seats and today's registrations, one conference's overview with
 * "open now" and "close now", and the form that creates or edits one — both languages side by side, the API's
 * rules ({@link ConferenceService}), each error beside its input. Every change ends in a redirect (303). An
 * organiser sees only their teams' conferences; another's is a page that does not exist ({@link TeamAccess}).
 */
@Controller
@RequestMapping("/organiser")
class OrganiserConferencesPage {

    /** The workspace speaks Bulgarian unless the organiser or the browser asks for English. */
    static final String DEFAULT_LANGUAGE = "bg";

    private final ConferenceService conferences;
    private final TeamAccess team;
    private final Registrations registrations;
    private final ConferenceFormErrors formErrors;
    private final FormOptions options;
    private final Moments moments;
    private final MessageSource messages;

    OrganiserConferencesPage(ConferenceService conferences, TeamAccess team, Registrations registrations,
            ConferenceFormErrors formErrors, FormOptions options, Moments moments, MessageSource messages) {
        this.conferences = conferences;
        this.team = team;
        this.registrations = registrations;
        this.formErrors = formErrors;
        this.options = options;
        this.moments = moments;
        this.messages = messages;
    }

    @GetMapping
    ModelAndView list(HttpServletRequest request, Authentication organiser) {
        Locale locale = PageLanguageResolver.fallBackTo(request, DEFAULT_LANGUAGE);
        Instant now = moments.now();
        Instant today = moments.startOfToday();
        List<ConferenceRow> rows = conferences.organisedBy(organiser.getName()).stream()
                .sorted(Comparator.comparing(Conference::startDate).reversed().thenComparing(Conference::id))
                .map(conference -> ConferenceRow.of(conference, registrations.registeredSince(conference.id(), today),
                        now, locale, moments))
                .toList();
        ModelAndView page = new ModelAndView("organiser/conferences");
        page.addObject("conferences", rows);
        return page;
    }

    @GetMapping("/conferences/new")
    ModelAndView newConference() {
        return form(ConferenceForm.blank(), Map.of(), null, true, HttpStatus.OK);
    }

    @PostMapping("/conferences")
    ModelAndView create(@RequestParam MultiValueMap<String, String> submitted, HttpServletRequest request,
            Authentication organiser, RedirectAttributes redirect) {
        Locale locale = PageLanguageResolver.fallBackTo(request, DEFAULT_LANGUAGE);
        ConferenceForm form = ConferenceForm.from(submitted);
        ConferenceForm.Parsed parsed = form.parse(Moments.LOCAL_TIME);
        Map<String, String> errors = formErrors.of(form, parsed, locale);
        if (!errors.isEmpty()) {
            return form(form, errors, null, true, HttpStatus.BAD_REQUEST);
        }
        try {
            conferences.create(parsed.request(), organiser.getName());
        } catch (ConferenceConflictException conflict) {
            return conflict(form, conflict, true, locale);
        }
        redirect.addFlashAttribute("notice", "organiser.created");
        return seeOther("/organiser/conferences/" + parsed.request().id());
    }

    @GetMapping("/conferences/{id}")
    ModelAndView overview(@PathVariable String id, HttpServletRequest request, Authentication organiser) {
        Locale locale = PageLanguageResolver.fallBackTo(request, DEFAULT_LANGUAGE);
        Conference conference = team.managed(id, organiser);
        ModelAndView page = new ModelAndView("organiser/conference");
        page.addObject("conference", ConferenceRow.of(conference,
                registrations.registeredSince(id, moments.startOfToday()), moments.now(), locale, moments));
        page.addObject("form", ConferenceForm.of(conference, Moments.LOCAL_TIME));
        page.addObject("countryName", new Locale.Builder().setRegion(conference.country()).build().getDisplayCountry(locale));
        page.addObject("moderated", conference.isModerated());
        page.addObject("pending", registrations.countByStatus(id).getOrDefault(RegistrationStatus.PENDING, 0L));
        return page;
    }

    @GetMapping("/conferences/{id}/edit")
    ModelAndView edit(@PathVariable String id, Authentication organiser) {
        return form(ConferenceForm.of(team.managed(id, organiser), Moments.LOCAL_TIME), Map.of(), null, false,
                HttpStatus.OK);
    }

    @PostMapping("/conferences/{id}")
    ModelAndView update(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted,
            HttpServletRequest request, Authentication organiser, RedirectAttributes redirect) {
        team.managed(id, organiser); // 404 before anything is read from the form
        Locale locale = PageLanguageResolver.fallBackTo(request, DEFAULT_LANGUAGE);
        ConferenceForm form = ConferenceForm.from(withId(submitted, id));
        ConferenceForm.Parsed parsed = form.parse(Moments.LOCAL_TIME);
        Map<String, String> errors = formErrors.of(form, parsed, locale);
        if (!errors.isEmpty()) {
            return form(form, errors, null, false, HttpStatus.BAD_REQUEST);
        }
        try {
            conferences.update(id, parsed.request());
        } catch (ConferenceConflictException conflict) {
            return conflict(form, conflict, false, locale);
        }
        redirect.addFlashAttribute("notice", "organiser.saved");
        return seeOther("/organiser/conferences/" + id);
    }

    @PostMapping("/conferences/{id}/open")
    ModelAndView openNow(@PathVariable String id, Authentication organiser, RedirectAttributes redirect) {
        Conference conference = team.managed(id, organiser);
        conferences.changeWindow(conference, conference.window().openedAt(moments.now()));
        redirect.addFlashAttribute("notice", "organiser.openedNow");
        return seeOther("/organiser/conferences/" + id);
    }

    @PostMapping("/conferences/{id}/close")
    ModelAndView closeNow(@PathVariable String id, Authentication organiser, RedirectAttributes redirect) {
        Conference conference = team.managed(id, organiser);
        conferences.changeWindow(conference, conference.window().closedAt(moments.now()));
        redirect.addFlashAttribute("notice", "organiser.closedNow");
        return seeOther("/organiser/conferences/" + id);
    }

    private ModelAndView conflict(ConferenceForm form, ConferenceConflictException conflict, boolean creating,
            Locale locale) {
        return switch (conflict.reason()) {
            case ID_TAKEN, ID_CHANGED -> form(form, Map.of("id", formErrors.message("organiser.idTaken", "id", locale)),
                    null, creating, HttpStatus.CONFLICT);
            case CAPACITY_BELOW_CONFIRMED -> form(form, Map.of("capacity",
                    formErrors.message("organiser.capacityBelowConfirmed", "capacity", locale)), null, creating,
                    HttpStatus.CONFLICT);
            case CHANGED_MEANWHILE -> form(form, Map.of(), messages.getMessage("organiser.changedMeanwhile", null, locale),
                    creating, HttpStatus.CONFLICT);
        };
    }

    private ModelAndView form(ConferenceForm form, Map<String, String> errors, @Nullable String notice, boolean creating,
            HttpStatus status) {
        ModelAndView page = new ModelAndView("organiser/conference-form", status);
        page.addObject("form", form);
        page.addObject("values", form.values());
        page.addObject("errors", errors);
        page.addObject("formNotice", notice);
        page.addObject("creating", creating);
        page.addObject("action", creating ? "/organiser/conferences" : "/organiser/conferences/" + form.values().get("id"));
        page.addObject("countries", options.countries(LocaleContextHolder.getLocale()));
        return page;
    }

    private static MultiValueMap<String, String> withId(MultiValueMap<String, String> submitted, String id) {
        LinkedMultiValueMap<String, String> all = new LinkedMultiValueMap<>(submitted);
        all.set("id", id); // the id is the address; a form cannot move a conference to another one
        return all;
    }

    private static ModelAndView seeOther(String path) {
        RedirectView redirect = new RedirectView(path, true);
        redirect.setHttp10Compatible(false);
        return new ModelAndView(redirect);
    }
}
