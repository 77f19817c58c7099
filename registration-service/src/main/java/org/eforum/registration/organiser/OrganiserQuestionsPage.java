package org.eforum.registration.organiser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.ConferenceConflictException;
import org.eforum.registration.conference.ConferenceNotFoundException;
import org.eforum.registration.conference.ConferenceService;
import org.eforum.registration.conference.Question;
import org.eforum.registration.conference.QuestionKind;
import org.eforum.registration.conference.QuestionsRequest;
import org.eforum.registration.conference.TeamAccess;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.validation.InvalidFieldsException;
import org.springframework.context.MessageSource;
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
 * A conference's own questions in the organisers' workspace: the list in the form's order (move up, move down,
 * take away) and the form that adds or edits one. Every change is the API's: the page builds the whole new list
 * and hands it to {@link ConferenceService#replaceQuestions}, so the same rules hold (a question taken away is
 * kept retired with its answers; a kind never changes). A refused form keeps what was typed, each error beside its
 * input, and changes nothing.
 */
@Controller
@RequestMapping("/organiser/conferences/{id}/questions")
class OrganiserQuestionsPage {

    private static final Pattern QUESTION_PATH = Pattern.compile("^questions\\[(\\d+)]\\.?(.*)$");
    private static final Pattern OPTION_LABEL = Pattern.compile("^options\\[(\\d+)]\\.label[.\\[](\\w+).*$");
    private static final Pattern LABEL = Pattern.compile("^label[.\\[](\\w+).*$");

    private final ConferenceService conferences;
    private final TeamAccess team;
    private final Validator validator;
    private final MessageSource messages;

    OrganiserQuestionsPage(ConferenceService conferences, TeamAccess team, Validator validator, MessageSource messages) {
        this.conferences = conferences;
        this.team = team;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping
    ModelAndView list(@PathVariable String id, Authentication organiser) {
        Conference conference = team.managed(id, organiser);
        ModelAndView page = new ModelAndView("organiser/questions");
        page.addObject("conference", conference);
        page.addObject("active", conference.questions().stream().filter(q -> !q.retired()).toList());
        page.addObject("retired", conference.questions().stream().filter(Question::retired).toList());
        return page;
    }

    @GetMapping("/new")
    ModelAndView newQuestion(@PathVariable String id, Authentication organiser) {
        Conference conference = team.managed(id, organiser);
        return form(conference, QuestionForm.blank(conference.languages()), Map.of(), true, HttpStatus.OK);
    }

    @GetMapping("/{questionId}")
    ModelAndView edit(@PathVariable String id, @PathVariable String questionId, Authentication organiser) {
        Conference conference = team.managed(id, organiser);
        Question question = active(conference, questionId);
        return form(conference, QuestionForm.of(question, conference.languages()), Map.of(), false, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView add(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted,
            HttpServletRequest request, Authentication organiser, RedirectAttributes redirect) {
        Conference conference = team.managed(id, organiser);
        QuestionForm form = QuestionForm.from(submitted, conference.languages(), null);
        List<QuestionsRequest.QuestionRequest> all = requests(active(conference));
        return save(conference, form, all.size(), all, true, locale(request), redirect);
    }

    @PostMapping("/{questionId}")
    ModelAndView update(@PathVariable String id, @PathVariable String questionId,
            @RequestParam MultiValueMap<String, String> submitted, HttpServletRequest request,
            Authentication organiser, RedirectAttributes redirect) {
        Conference conference = team.managed(id, organiser);
        List<Question> active = active(conference);
        Question question = question(active, questionId, conference);
        QuestionForm form = QuestionForm.from(submitted, conference.languages(), question);
        List<QuestionsRequest.QuestionRequest> all = requests(active);
        int index = active.indexOf(question);
        all.remove(index);
        return save(conference, form, index, all, false, locale(request), redirect);
    }

    @PostMapping("/{questionId}/up")
    ModelAndView moveUp(@PathVariable String id, @PathVariable String questionId, Authentication organiser,
            RedirectAttributes redirect) {
        return move(id, questionId, -1, organiser, redirect);
    }

    @PostMapping("/{questionId}/down")
    ModelAndView moveDown(@PathVariable String id, @PathVariable String questionId, Authentication organiser,
            RedirectAttributes redirect) {
        return move(id, questionId, 1, organiser, redirect);
    }

    @PostMapping("/{questionId}/remove")
    ModelAndView remove(@PathVariable String id, @PathVariable String questionId, Authentication organiser,
            RedirectAttributes redirect) {
        Conference conference = team.managed(id, organiser);
        List<Question> active = new ArrayList<>(active(conference));
        active.remove(question(active, questionId, conference));
        return replaced(conference, requests(active), "organiser.question.removed", redirect);
    }

    private ModelAndView move(String id, String questionId, int by, Authentication organiser,
            RedirectAttributes redirect) {
        Conference conference = team.managed(id, organiser);
        List<Question> active = new ArrayList<>(active(conference));
        int from = active.indexOf(question(active, questionId, conference));
        int to = Math.max(0, Math.min(active.size() - 1, from + by));
        active.add(to, active.remove(from));
        return replaced(conference, requests(active), "organiser.question.moved", redirect);
    }

    private ModelAndView replaced(Conference conference, List<QuestionsRequest.QuestionRequest> all, String notice,
            RedirectAttributes redirect) {
        try {
            conferences.replaceQuestions(conference.id(), new QuestionsRequest(all));
        } catch (ConferenceConflictException changedMeanwhile) {
            redirect.addFlashAttribute("notice", "organiser.changedMeanwhile");
            return seeOther(conference);
        }
        redirect.addFlashAttribute("notice", notice);
        return seeOther(conference);
    }

    private ModelAndView save(Conference conference, QuestionForm form, int index,
            List<QuestionsRequest.QuestionRequest> others, boolean creating, Locale locale,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!form.typesKnown()) {
            errors.put("onlyFor", message("organiser.question.error.onlyFor", locale));
        }
        if (creating && others.size() >= QuestionsRequest.MAX_QUESTIONS) {
            errors.put("questionId", message("organiser.question.error.tooMany", locale));
        }
        if (creating && conference.questions().stream().anyMatch(q -> q.id().equals(form.questionId()))) {
            errors.put("questionId", message("organiser.question.error.idTaken", locale));
        }
        List<QuestionsRequest.QuestionRequest> all = new ArrayList<>(others);
        all.add(index, form.request());
        QuestionsRequest request = new QuestionsRequest(all);
        for (ConstraintViolation<QuestionsRequest> violation : validator.validate(request)) {
            fieldOf(violation.getPropertyPath().toString(), index, form)
                    .ifPresent(field -> errors.putIfAbsent(field, message(messageCode(field), locale)));
        }
        if (errors.isEmpty()) {
            try {
                conferences.replaceQuestions(conference.id(), request);
            } catch (InvalidFieldsException invalid) {
                invalid.errors().keySet().forEach(path -> fieldOf(path, index, form)
                        .ifPresent(field -> errors.putIfAbsent(field, message(messageCode(field), locale))));
                errors.putIfAbsent("questionId", message("organiser.invalid", locale));
            } catch (ConferenceConflictException changedMeanwhile) {
                errors.put("questionId", message("organiser.changedMeanwhile", locale));
            }
        }
        if (!errors.isEmpty()) {
            return form(conference, form, errors, creating, HttpStatus.BAD_REQUEST);
        }
        redirect.addFlashAttribute("notice", creating ? "organiser.question.added" : "organiser.question.saved");
        return seeOther(conference);
    }

    /**
     * The input a violation belongs to, for the question at {@code index} only (the others were valid before):
     * {@code questions[2].label[bg].<map value>} is {@code questionLabel.bg}, an option's label the row it came from.
     */
    private static Optional<String> fieldOf(String path, int index, QuestionForm form) {
        if (path.equals("questions")) {
            return Optional.of("questionId"); // a repeated id
        }
        Matcher question = QUESTION_PATH.matcher(path);
        if (!question.matches() || Integer.parseInt(question.group(1)) != index) {
            return Optional.empty();
        }
        String rest = question.group(2);
        Matcher label = LABEL.matcher(rest);
        Matcher option = OPTION_LABEL.matcher(rest);
        if (label.matches()) {
            return Optional.of("questionLabel." + label.group(1));
        }
        if (option.matches()) {
            return Optional.of("option." + rowOf(form, Integer.parseInt(option.group(1))) + "." + option.group(2));
        }
        if (rest.equals("id")) {
            return Optional.of("questionId");
        }
        if (rest.equals("kind")) {
            return Optional.of("kind");
        }
        if (rest.startsWith("onlyFor")) {
            return Optional.of("onlyFor");
        }
        return Optional.of("options");
    }

    /** The form row of the request's option {@code j}: the request keeps the rows with a label, in order. */
    private static int rowOf(QuestionForm form, int j) {
        int seen = -1;
        for (int row = 0; row < form.options().size(); row++) {
            if (!form.options().get(row).isEmpty() && ++seen == j) {
                return row;
            }
        }
        return 0;
    }

    private static String messageCode(String field) {
        if (field.startsWith("questionLabel.")) {
            return "organiser.question.error.label";
        }
        if (field.startsWith("option.")) {
            return "organiser.question.error.optionLabel";
        }
        return "organiser.question.error." + field;
    }

    private String message(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }

    private ModelAndView form(Conference conference, QuestionForm form, Map<String, String> errors, boolean creating,
            HttpStatus status) {
        ModelAndView page = new ModelAndView("organiser/question-form", status);
        page.addObject("conference", conference);
        page.addObject("form", form);
        page.addObject("rows", form.rowsShown(conference.languages()));
        page.addObject("values", values(form));
        page.addObject("errors", errors);
        page.addObject("creating", creating);
        page.addObject("kinds", QuestionKind.values());
        page.addObject("types", StakeholderType.values());
        page.addObject("action", creating ? "/organiser/conferences/" + conference.id() + "/questions"
                : "/organiser/conferences/" + conference.id() + "/questions/" + form.questionId());
        return page;
    }

    /** The values the layout's input fragments read, by input name. */
    private static Map<String, String> values(QuestionForm form) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("questionId", form.questionId());
        form.label().forEach((language, text) -> values.put("questionLabel." + language, text));
        return values;
    }

    private static List<Question> active(Conference conference) {
        return conference.questions().stream().filter(question -> !question.retired()).toList();
    }

    private static Question active(Conference conference, String questionId) {
        return question(active(conference), questionId, conference);
    }

    private static Question question(List<Question> active, String questionId, Conference conference) {
        return active.stream().filter(question -> question.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new ConferenceNotFoundException(conference.id())); // no such page
    }

    private static List<QuestionsRequest.QuestionRequest> requests(List<Question> questions) {
        // a list the callers change: they take one out or put a new one in
        return new ArrayList<>(questions.stream().map(QuestionsRequest.QuestionRequest::of).toList());
    }

    private static Locale locale(HttpServletRequest request) {
        return PageLanguageResolver.fallBackTo(request, OrganiserConferencesPage.DEFAULT_LANGUAGE);
    }

    private static ModelAndView seeOther(Conference conference) {
        RedirectView redirect = new RedirectView("/organiser/conferences/" + conference.id() + "/questions", true);
        redirect.setHttp10Compatible(false);
        return new ModelAndView(redirect);
    }
}
