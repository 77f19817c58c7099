package org.eforum.registration.page;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.eforum.contracts.event.Participant;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.ConferenceService;
import org.eforum.registration.conference.Question;
import org.eforum.registration.registration.CorrectionRefusedException;
import org.eforum.registration.registration.DetailsCorrections;
import org.eforum.registration.registration.InvalidAnswersException;
import org.eforum.registration.registration.Registration;
import org.eforum.registration.registration.RegistrationNotFoundException;
import org.eforum.registration.registration.RegistrationRequest;
import org.eforum.registration.registration.RegistrationService;
import org.eforum.registration.registration.SelfServiceLinkSigner;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The participant's corrections, behind their self-service token: {@code /registrations/{id}/details} is the
 * registration form's fields and the conference's questions prefilled with the registration as it is; it posts to
 * the same {@link DetailsCorrections#correct} as the API (the same {@link RegistrationRequest}, the same answers'
 * checks), and a refused form comes back (400) with each error beside its input and nothing changed. A new address
 * is confirmed from {@code /registrations/{id}/email?token=<change token>}, the page the link mailed to it opens: its
 * button posts (a mail scanner's GET changes nothing). Both end on the participant's own page (303) with a notice.
 */
@Controller
class DetailsCorrectionPage {

    private final RegistrationService registrations;
    private final DetailsCorrections corrections;
    private final ConferenceService conferences;
    private final SelfServiceLinkSigner links;
    private final ParticipantForm form;
    private final MessageSource messages;
    private final Clock clock;

    DetailsCorrectionPage(RegistrationService registrations, DetailsCorrections corrections,
            ConferenceService conferences, SelfServiceLinkSigner links, ParticipantForm form, MessageSource messages,
            Clock clock) {
        this.registrations = registrations;
        this.corrections = corrections;
        this.conferences = conferences;
        this.links = links;
        this.form = form;
        this.messages = messages;
        this.clock = clock;
    }

    /** As on the registration form: an empty input is an absent value; the answers are read by FormAnswers. */
    @InitBinder("details")
    void emptyInputIsAbsent(WebDataBinder binder) {
        ParticipantForm.emptyInputIsAbsent(binder);
    }

    @GetMapping("/registrations/{id}/details")
    ModelAndView form(@PathVariable String id, @RequestParam(required = false) String token,
            HttpServletRequest request, HttpServletResponse response) {
        Registration registration = registrations.forParticipant(id, token).orElseThrow(PageNotFoundException::new);
        Conference conference = conferences.get(registration.conferenceId());
        Locale locale = PageLanguageResolver.fallBackTo(request, registration.participant().language());
        noReferrer(response);
        if (!corrections.isCorrectable(registration)) {
            return page(registration, conference, locale, Map.of(), new LinkedMultiValueMap<>(), Map.of(),
                    messages.getMessage("details.closed", null, locale), HttpStatus.CONFLICT);
        }
        return page(registration, conference, locale, values(conference, registration.participant()),
                chosen(conference, registration.participant()), Map.of(), null, HttpStatus.OK);
    }

    @PostMapping("/registrations/{id}/details")
    ModelAndView correct(@PathVariable String id, @RequestParam(required = false) String token,
            @Valid @ModelAttribute("details") RegistrationRequest details, BindingResult binding,
            @RequestParam MultiValueMap<String, String> submitted, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        Registration registration = registrations.forParticipant(id, token).orElseThrow(PageNotFoundException::new);
        Conference conference = conferences.get(registration.conferenceId());
        Locale locale = PageLanguageResolver.fallBackTo(request, registration.participant().language());
        noReferrer(response);
        Map<String, String> values = new HashMap<>(submitted.toSingleValueMap());
        Map<String, Object> answers = FormAnswers.of(conference, submitted);
        if (binding.hasErrors()) {
            Map<String, String> errors = form.errors(binding, conference, details.stakeholderType(), answers, locale);
            return page(registration, conference, locale, values, submitted, errors, null, HttpStatus.BAD_REQUEST);
        }
        DetailsCorrections.Correction correction;
        try {
            correction = corrections.correct(id, token, details.withAnswers(answers));
        } catch (InvalidAnswersException refused) {
            return page(registration, conference, locale, values, submitted,
                    form.answerErrors(refused.problems(), locale), null, HttpStatus.BAD_REQUEST);
        } catch (CorrectionRefusedException refused) {
            if (refused.kind() == CorrectionRefusedException.Kind.EMAIL_TAKEN) {
                return page(registration, conference, locale, values, submitted,
                        Map.of("email", messages.getMessage("details.emailTaken", null, locale)), null,
                        HttpStatus.CONFLICT);
            }
            return page(registration, conference, locale, Map.of(), new LinkedMultiValueMap<>(), Map.of(),
                    messages.getMessage("details.closed", null, locale), HttpStatus.CONFLICT);
        }
        if (correction.pendingEmail() != null) {
            redirect.addFlashAttribute("emailChangeSentTo", correction.pendingEmail());
        } else {
            redirect.addFlashAttribute("justCorrected", true);
        }
        return toParticipantPage(id);
    }

    @GetMapping("/registrations/{id}/email")
    ModelAndView emailConfirmation(@PathVariable String id, @RequestParam(required = false) String token,
            HttpServletRequest request, HttpServletResponse response) {
        Registration registration = corrections.forEmailChange(id, token).orElseThrow(PageNotFoundException::new);
        noReferrer(response);
        return emailPage(registration, token, request, null, HttpStatus.OK);
    }

    @PostMapping("/registrations/{id}/email")
    ModelAndView confirmEmail(@PathVariable String id, @RequestParam(required = false) String token,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Registration registration = corrections.forEmailChange(id, token).orElseThrow(PageNotFoundException::new);
        noReferrer(response);
        try {
            corrections.confirmEmail(id, token);
        } catch (RegistrationNotFoundException usedMeanwhile) {
            throw new PageNotFoundException();
        } catch (CorrectionRefusedException refused) {
            return emailPage(registration, token, request, refused.kind() == CorrectionRefusedException.Kind.EMAIL_TAKEN
                    ? "email.taken" : "email.notActive", HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("justMovedEmail", true);
        return toParticipantPage(id);
    }

    private ModelAndView emailPage(Registration registration, String token, HttpServletRequest request,
            String noticeKey, HttpStatus status) {
        Locale locale = PageLanguageResolver.fallBackTo(request, registration.participant().language());
        Conference conference = conferences.get(registration.conferenceId());
        ModelAndView page = new ModelAndView("registration-email", status);
        page.addObject("conference", ConferenceCard.of(conference, locale, clock.instant()));
        page.addObject("newEmail", corrections.pendingEmail(registration).orElse(null));
        page.addObject("confirmAction", "/registrations/" + registration.id() + "/email?token=" + token);
        page.addObject("notice", noticeKey == null ? null : messages.getMessage(noticeKey, null, locale));
        return page;
    }

    private ModelAndView page(Registration registration, Conference conference, Locale locale,
            Map<String, String> values, MultiValueMap<String, String> chosen, Map<String, String> errors,
            String notice, HttpStatus status) {
        ModelAndView page = form.page("registration-details", conference, locale, values, chosen, errors, notice,
                status);
        String token = links.tokenFor(registration.id());
        page.addObject("detailsAction", "/registrations/" + registration.id() + "/details?token=" + token);
        page.addObject("backUrl", "/registrations/" + registration.id() + "?token=" + token);
        return page;
    }

    /** The registration as it is, in the form's inputs (their names are the API's paths, as on the public form). */
    private static Map<String, String> values(Conference conference, Participant participant) {
        Map<String, String> values = new HashMap<>();
        values.put("firstName", participant.firstName());
        values.put("lastName", participant.lastName());
        values.put("email", participant.email());
        values.put("organisation", participant.organisation());
        values.put("position", participant.position());
        values.put("stakeholderType", participant.stakeholderType() == null ? null
                : participant.stakeholderType().name());
        values.put("country", participant.country());
        values.put("language", participant.language());
        values.put("consents.dataProcessing", "true");
        if (participant.consents() != null && participant.consents().listInDirectory()) {
            values.put("consents.listInDirectory", "true");
        }
        if (participant.consents() != null && participant.consents().joinExpertsNetwork()) {
            values.put("consents.joinExpertsNetwork", "true");
        }
        for (Question question : conference.activeQuestions()) {
            Object answer = participant.answersOrNone().get(question.id());
            if (answer != null && !(answer instanceof List<?>)) {
                values.put("answers." + question.id(), answer.toString());
            }
        }
        return values;
    }

    /** The options chosen (one of, several of), which the form's boxes and radio buttons read. */
    private static MultiValueMap<String, String> chosen(Conference conference, Participant participant) {
        MultiValueMap<String, String> chosen = new LinkedMultiValueMap<>();
        for (Question question : conference.activeQuestions()) {
            Object answer = participant.answersOrNone().get(question.id());
            if (answer instanceof List<?> several) {
                several.forEach(option -> chosen.add("answers." + question.id(), option.toString()));
            } else if (answer instanceof String one) {
                chosen.add("answers." + question.id(), one);
            }
        }
        return chosen;
    }

    /** The addresses carry a secret token: never sent on as a Referer, never indexed. */
    private static void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }

    private ModelAndView toParticipantPage(String id) {
        RedirectView participantPage = new RedirectView("/registrations/" + id + "?token=" + links.tokenFor(id), true);
        participantPage.setHttp10Compatible(false); // 303 See Other: a reload does not post again
        return new ModelAndView(participantPage);
    }
}
