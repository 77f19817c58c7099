package org.eforum.registration.organiser;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.TeamAccess;
import org.eforum.registration.message.MessageService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
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
 * Writing to a conference's participants: the messages sent, the form (audience, subject and body in each of the
 * conference's languages), its preview with the number of recipients, and the send that the preview confirms (a
 * POST with the form's CSRF token, then a 303 to the list). The form and the API share {@link MessageService}'s
 * rules; another team's conference is a page that does not exist.
 */
@Controller
@RequestMapping("/organiser/conferences/{id}/messages")
class OrganiserMessagesPage {

    private final TeamAccess team;
    private final MessageService messages;
    private final MessageFormErrors formErrors;
    private final Moments moments;

    OrganiserMessagesPage(TeamAccess team, MessageService messages, MessageFormErrors formErrors, Moments moments) {
        this.team = team;
        this.messages = messages;
        this.formErrors = formErrors;
        this.moments = moments;
    }

    @GetMapping
    ModelAndView list(@PathVariable String id, HttpServletRequest request, Authentication organiser) {
        Locale locale = PageLanguageResolver.fallBackTo(request, OrganiserConferencesPage.DEFAULT_LANGUAGE);
        Conference conference = team.managed(id, organiser);
        ModelAndView page = withConference(new ModelAndView("organiser/messages"), conference, locale);
        page.addObject("messages", messages.of(conference).stream()
                .map(message -> MessageRow.of(message, locale, moments, conference.languages())).toList());
        return page;
    }

    @GetMapping("/new")
    ModelAndView newMessage(@PathVariable String id, HttpServletRequest request, Authentication organiser) {
        Locale locale = PageLanguageResolver.fallBackTo(request, OrganiserConferencesPage.DEFAULT_LANGUAGE);
        Conference conference = team.managed(id, organiser);
        return form(conference, MessageForm.blank(conference.languages()), Map.of(), locale, HttpStatus.OK);
    }

    /** Back from the preview to the form, with what was typed. */
    @PostMapping("/edit")
    ModelAndView edit(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted,
            HttpServletRequest request, Authentication organiser) {
        Locale locale = PageLanguageResolver.fallBackTo(request, OrganiserConferencesPage.DEFAULT_LANGUAGE);
        Conference conference = team.managed(id, organiser);
        return form(conference, MessageForm.from(submitted, conference.languages()), Map.of(), locale, HttpStatus.OK);
    }

    @PostMapping("/preview")
    ModelAndView preview(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted,
            HttpServletRequest request, Authentication organiser) {
        Locale locale = PageLanguageResolver.fallBackTo(request, OrganiserConferencesPage.DEFAULT_LANGUAGE);
        Conference conference = team.managed(id, organiser);
        MessageForm form = MessageForm.from(submitted, conference.languages());
        Map<String, String> errors = formErrors.of(conference, form, locale);
        if (!errors.isEmpty()) {
            return form(conference, form, errors, locale, HttpStatus.BAD_REQUEST);
        }
        MessageForm previewed = form.previewed();
        ModelAndView page = withConference(new ModelAndView("organiser/message-preview"), conference, locale);
        page.addObject("form", previewed);
        page.addObject("values", previewed.values());
        page.addObject("recipients", messages.recipients(conference, form.audience()));
        return page;
    }

    @PostMapping
    ModelAndView send(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted,
            HttpServletRequest request, Authentication organiser, RedirectAttributes redirect) {
        Locale locale = PageLanguageResolver.fallBackTo(request, OrganiserConferencesPage.DEFAULT_LANGUAGE);
        Conference conference = team.managed(id, organiser);
        MessageForm form = MessageForm.from(submitted, conference.languages());
        Map<String, String> errors = formErrors.of(conference, form, locale);
        String messageId = form.values().get(MessageForm.MESSAGE_ID);
        if (!errors.isEmpty() || messageId == null) {
            // Only a preview sends; a send without one (or changed since) is shown as a form to check again.
            return form(conference, form, errors, locale, HttpStatus.BAD_REQUEST);
        }
        MessageService.Sent sent = messages.send(conference, form.request(), messageId, organiser.getName());
        redirect.addFlashAttribute("sentTo", sent.message().recipients());
        return seeOther("/organiser/conferences/" + id + "/messages");
    }

    private ModelAndView form(Conference conference, MessageForm form, Map<String, String> errors, Locale locale,
            HttpStatus status) {
        ModelAndView page = withConference(new ModelAndView("organiser/message-form", status), conference, locale);
        page.addObject("form", form);
        page.addObject("values", form.values());
        page.addObject("errors", errors);
        return page;
    }

    private static ModelAndView withConference(ModelAndView page, Conference conference, Locale locale) {
        page.addObject("conferenceId", conference.id());
        page.addObject("conferenceTitle",
                ConferenceSnapshot.localized(conference.title(), locale.getLanguage(), conference.languages()));
        page.addObject("languages", conference.languages());
        return page;
    }

    private static ModelAndView seeOther(String path) {
        RedirectView redirect = new RedirectView(path, true);
        redirect.setHttp10Compatible(false);
        return new ModelAndView(redirect);
    }
}
