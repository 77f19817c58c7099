package org.eforum.registration.page;

import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.eforum.contracts.event.StakeholderType;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.registration.Answers;
import org.eforum.registration.registration.RegistrationRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the registration form and the participant's corrections share: both bind to the API's
 * {@link RegistrationRequest} the same way, say its errors and the answers' problems the same way, and render the
 * same fields (fragments/participant) and questions (fragments/questions) from the same model.
 */
@Component
class ParticipantForm {

    private final FormOptions options;
    private final MessageSource messages;
    private final Clock clock;

    ParticipantForm(FormOptions options, MessageSource messages, Clock clock) {
        this.options = options;
        this.messages = messages;
        this.clock = clock;
    }

    /** An empty input is an absent value, as a missing JSON field is (so "required" reads the same in both). */
    static void emptyInputIsAbsent(WebDataBinder binder) {
        // The answers' inputs (answers.<id>) are read by FormAnswers, by their question's kind: the binder would
        // take "answers.x" for a property of the map and fail.
        binder.setDisallowedFields("answers*");
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : text);
            }
        });
    }

    /** A form that did not bind: its fields' errors, then the answers' problems, in the page's language. */
    Map<String, String> errors(BindingResult binding, Conference conference, StakeholderType stakeholderType,
            Map<String, Object> answers, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding, messages, locale));
        errors.putAll(answerErrors(Answers.problems(conference, stakeholderType, answers), locale));
        return errors;
    }

    /** The answers' problems in the page's language, by field. */
    Map<String, String> answerErrors(Map<String, Answers.Problem> problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, problem) -> errors.put(field,
                messages.getMessage("answer.problem." + problem.name(), null, problem.message(), locale)));
        return errors;
    }

    /**
     * The page {@code view} with what the form's fields and questions read: {@code values} (one per input),
     * {@code chosen} (every value of each input, for the boxes of a several-options question), the errors by field,
     * the notice (or null), the selects' options and the conference's card.
     */
    ModelAndView page(String view, Conference conference, Locale locale, Map<String, String> values,
            MultiValueMap<String, String> chosen, Map<String, String> errors, String notice,
            HttpStatus status) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("conference", ConferenceCard.of(conference, locale, clock.instant()));
        page.addObject("questions", FormQuestion.of(conference, locale, messages));
        page.addObject("values", values);
        page.addObject("chosen", chosen);
        page.addObject("errors", errors);
        page.addObject("notice", notice);
        page.addObject("stakeholderTypes", options.stakeholderTypes(locale));
        page.addObject("countries", options.countries(locale));
        page.addObject("languages", options.languages(locale));
        return page;
    }
}
