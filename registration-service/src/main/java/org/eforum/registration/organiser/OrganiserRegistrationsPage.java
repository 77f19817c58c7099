package org.eforum.registration.organiser;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.Question;
import org.eforum.registration.conference.TeamAccess;
import org.eforum.registration.page.ConferenceCard;
import org.eforum.registration.page.FormOptions;
import org.eforum.registration.registration.Actor;
import org.eforum.registration.registration.BulkModerationRequest;
import org.eforum.registration.registration.ExportColumns;
import org.eforum.registration.registration.Moderated;
import org.eforum.registration.registration.ModerationRequest;
import org.eforum.registration.registration.RegistrationService;
import org.eforum.registration.validation.PlainTextValidator;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import java.util.Optional;
import org.eforum.registration.registration.RegistrationCsv;
import org.eforum.registration.registration.RegistrationSearch;
import org.eforum.registration.registration.RegistrationView;
import org.eforum.registration.registration.RegistrationXlsx;
import org.eforum.registration.registration.Registrations;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * One conference's registrations as the organiser works with them: search, filters, order and page in the
 * address (a GET form and links, no JavaScript), the counts by status and by stakeholder type, and the rows of
 * the current search as CSV or XLSX (every page of them). In a moderated conference those awaiting approval come
 * first, each with a checkbox: "approve / decline selected" with an optional message per conference language, a
 * confirmation page, then the table again with a notice.
 */
@Controller
@RequestMapping("/organiser/conferences/{id}")
class OrganiserRegistrationsPage {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final TeamAccess team;
    private final Registrations registrations;
    private final FormOptions options;
    private final Moments moments;
    private final RegistrationService moderation;
    private final MessageSource messageSource;

    OrganiserRegistrationsPage(TeamAccess team, Registrations registrations, FormOptions options, Moments moments,
            RegistrationService moderation, MessageSource messageSource) {
        this.team = team;
        this.registrations = registrations;
        this.options = options;
        this.moments = moments;
        this.moderation = moderation;
        this.messageSource = messageSource;
    }

    @GetMapping("/registrations")
    ModelAndView table(@PathVariable String id, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, Authentication organiser) {
        Conference conference = conference(id, organiser);
        return tablePage(conference, params, locale(request), Map.of(), Map.of());
    }

    /**
     * The table as {@code params} ask for it; {@code errors} and {@code values} are the moderation form's (a refused
     * "approve / decline selected", shown beside its inputs).
     */
    private ModelAndView tablePage(Conference conference, MultiValueMap<String, String> params, Locale locale,
            Map<String, String> errors, Map<String, String> values) {
        String id = conference.id();
        RegistrationTableQuery query = RegistrationTableQuery.from(params);
        RegistrationSearch search = query.search(id);
        long total = registrations.count(search);
        Map<RegistrationStatus, Long> byStatus = registrations.countByStatus(id);
        long pendingCount = byStatus.getOrDefault(RegistrationStatus.PENDING, 0L);
        // In the default order the organisers' work comes first: those awaiting approval.
        boolean pendingFirst = pendingCount > 0 && query.status() == null && !query.descending()
                && query.sort() == RegistrationTableQuery.Column.REGISTERED_AT;
        // the questions asked now, one column each; a retired one's answers are on the registration's page and export
        List<Question> asked = conference.questions().stream().filter(question -> !question.retired()).toList();
        List<RegistrationRow> rows = (pendingFirst
                ? registrations.searchPendingFirst(search, query.skip(), query.size())
                : registrations.search(search, query.skip(), query.size())).stream()
                .map(registration -> RegistrationRow.of(registration, locale, moments, asked)).toList();
        long pages = Math.max(1, (total + query.size() - 1) / query.size());
        String path = "/organiser/conferences/" + id + "/registrations";

        ModelAndView page = new ModelAndView("organiser/registrations");
        String language = locale.getLanguage();
        page.addObject("conferenceId", id);
        page.addObject("title", ConferenceSnapshot.localized(conference.title(), language, conference.languages()));
        page.addObject("titleLanguage", ConferenceCard.languageOf(conference.title(), language, conference));
        page.addObject("query", query);
        page.addObject("path", path);
        Map<String, SortableColumn> sortable = new LinkedHashMap<>();
        for (RegistrationTableQuery.Column column : RegistrationTableQuery.Column.values()) {
            sortable.put(column.param(), SortableColumn.of(query, column, path));
        }
        page.addObject("sortable", sortable);
        page.addObject("rows", rows);
        page.addObject("questionColumns", asked.stream().map(question -> new QuestionColumn(question.id(),
                question.labelIn(language))).toList());
        page.addObject("total", total);
        page.addObject("first", rows.isEmpty() ? 0 : query.skip() + 1);
        page.addObject("last", query.skip() + rows.size());
        page.addObject("previous", query.page() > 1 ? query.pageHref(path, (int) Math.min(query.page() - 1, pages)) : null);
        page.addObject("next", query.page() < pages ? query.pageHref(path, query.page() + 1) : null);
        page.addObject("pages", pages);
        page.addObject("csv", query.exportHref(path + ".csv"));
        page.addObject("xlsx", query.exportHref(path + ".xlsx"));
        page.addObject("byStatus", byStatus(byStatus));
        page.addObject("byType", byType(registrations.countByStakeholderType(id)));
        page.addObject("statuses", RegistrationStatus.values());
        page.addObject("stakeholderTypes", StakeholderType.values());
        page.addObject("countries", options.countries(locale));
        page.addObject("sizes", List.of(25, 50, 100, 200));
        page.addObject("pendingFirst", pendingFirst);
        // The checkboxes and the form to approve or decline them, while anything awaits approval.
        page.addObject("moderating", pendingCount > 0 && rows.stream().anyMatch(RegistrationRow::pending));
        page.addObject("moderateAction", query.pageHref(path + "/moderate", query.page()));
        page.addObject("messageLanguages", conference.languages());
        page.addObject("selected", params.getOrDefault(SELECTED, List.of()));
        page.addObject("errors", errors);
        page.addObject("values", values);
        return page;
    }

    /** The checkboxes' name: one value per ticked registration. */
    private static final String SELECTED = "registrationId";

    /**
     * "Approve selected" or "Decline selected": a page that lists the chosen registrations and the messages, whose
     * button does it. Nothing is changed here; none chosen, too many, or a message refused is the table again (400)
     * with the error beside the input.
     */
    @PostMapping("/registrations/moderate")
    ModelAndView confirmModeration(@PathVariable String id, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, Authentication organiser) {
        Conference conference = conference(id, organiser);
        Locale locale = locale(request);
        Optional<ModerationChoice> choice = ModerationChoice.of(params.getFirst("action"));
        List<String> chosen = chosen(params);
        Map<String, String> messages = messages(params, conference);
        Map<String, String> errors = moderationErrors(chosen, messages, locale);
        if (choice.isEmpty() || !errors.isEmpty()) {
            ModelAndView page = tablePage(conference, params, locale, errors, formValues(messages));
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        ModelAndView page = new ModelAndView("organiser/registrations-moderate");
        String language = locale.getLanguage();
        page.addObject("conferenceId", id);
        page.addObject("title", ConferenceSnapshot.localized(conference.title(), language, conference.languages()));
        page.addObject("titleLanguage", ConferenceCard.languageOf(conference.title(), language, conference));
        page.addObject("action", choice.get().param());
        page.addObject("back", query(params).pageHref("/organiser/conferences/" + id + "/registrations",
                query(params).page()));
        page.addObject("confirmAction", "/organiser/conferences/" + id + "/registrations/moderate/"
                + choice.get().param());
        page.addObject("rows", registrations.chosen(id, chosen).stream()
                .map(registration -> RegistrationRow.of(registration, locale, moments)).toList());
        page.addObject("chosen", chosen);
        page.addObject("messages", messages);
        page.addObject("messageLanguages", conference.languages());
        return page;
    }

    /** The confirmation's button: each chosen registration approved or declined on its own, then the table again. */
    @PostMapping("/registrations/moderate/{action:approve|decline}")
    ModelAndView moderate(@PathVariable String id, @PathVariable String action,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Authentication organiser,
            RedirectAttributes redirect) {
        Conference conference = conference(id, organiser);
        Locale locale = locale(request);
        ModerationChoice choice = ModerationChoice.of(action).orElseThrow();
        List<String> chosen = chosen(params);
        Map<String, String> messages = messages(params, conference);
        Map<String, String> errors = moderationErrors(chosen, messages, locale);
        if (!errors.isEmpty()) {
            // Only a form edited by hand gets here: the table, said beside the inputs, nothing changed.
            ModelAndView page = tablePage(conference, params, locale, errors, formValues(messages));
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        Moderated done = moderation.moderate(id, chosen, choice == ModerationChoice.APPROVE, messages,
                Actor.of(organiser));
        redirect.addFlashAttribute("moderationNotice", "organiser.moderation." + choice.param() + ".done");
        redirect.addFlashAttribute("moderationDone", done.done().size());
        redirect.addFlashAttribute("moderationSkipped", done.skipped().size());
        RedirectView table = new RedirectView(query(params).pageHref("/organiser/conferences/" + id + "/registrations",
                query(params).page()), true);
        table.setHttp10Compatible(false); // 303 See Other: a reload does not post again
        return new ModelAndView(table);
    }

    /** What the moderation form's buttons ask for. */
    enum ModerationChoice {
        APPROVE("approve"), DECLINE("decline");

        private final String param;

        ModerationChoice(String param) {
            this.param = param;
        }

        String param() {
            return param;
        }

        static Optional<ModerationChoice> of(String param) {
            return java.util.Arrays.stream(values()).filter(choice -> choice.param.equals(param)).findFirst();
        }
    }

    private static RegistrationTableQuery query(MultiValueMap<String, String> params) {
        return RegistrationTableQuery.from(params);
    }

    private static List<String> chosen(MultiValueMap<String, String> params) {
        return params.getOrDefault(SELECTED, List.of()).stream().filter(value -> value != null && !value.isBlank())
                .map(String::strip).distinct().toList();
    }

    /** The messages typed, by language of the conference; an empty one is none. */
    private static Map<String, String> messages(MultiValueMap<String, String> params, Conference conference) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (String language : conference.languages()) {
            String text = params.getFirst("message." + language);
            if (text != null && !text.isBlank()) {
                messages.put(language, text);
            }
        }
        return messages;
    }

    private Map<String, String> moderationErrors(List<String> chosen, Map<String, String> messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (chosen.isEmpty()) {
            errors.put(SELECTED, text("organiser.moderation.noneSelected", locale));
        } else if (chosen.size() > BulkModerationRequest.MAX_IDS) {
            errors.put(SELECTED, text("organiser.moderation.tooMany", locale));
        }
        messages.forEach((language, text) -> {
            if (text.strip().replace("\r\n", "\n").length() > ModerationRequest.MESSAGE_MAX) {
                errors.put("message." + language, text("organiser.moderation.messageTooLong", locale));
            } else if (!PlainTextValidator.isPlainText(text, true)) {
                errors.put("message." + language, text("organiser.moderation.messageNotPlain", locale));
            }
        });
        return errors;
    }

    private String text(String key, Locale locale) {
        return messageSource.getMessage(key, null, locale);
    }

    private static Map<String, String> formValues(Map<String, String> messages) {
        Map<String, String> values = new LinkedHashMap<>();
        messages.forEach((language, text) -> values.put("message." + language, text));
        return values;
    }

    private static Locale locale(HttpServletRequest request) {
        return PageLanguageResolver.fallBackTo(request, OrganiserConferencesPage.DEFAULT_LANGUAGE);
    }

    @GetMapping("/registrations.csv")
    void csv(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, HttpServletResponse response,
            Authentication organiser) throws IOException {
        ExportColumns columns = ExportColumns.of(conference(id, organiser));
        RegistrationSearch search = RegistrationTableQuery.from(params).search(id);
        attachment(response, CSV, id + "-registrations.csv");
        try (Stream<RegistrationView> rows = registrations.stream(search);
                Writer out = new OutputStreamWriter(new BufferedOutputStream(response.getOutputStream()),
                        StandardCharsets.UTF_8)) {
            RegistrationCsv.write(columns, rows, out);
        }
    }

    @GetMapping("/registrations.xlsx")
    void xlsx(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, HttpServletResponse response,
            Authentication organiser) throws IOException {
        ExportColumns columns = ExportColumns.of(conference(id, organiser));
        RegistrationSearch search = RegistrationTableQuery.from(params).search(id);
        attachment(response, RegistrationXlsx.MEDIA_TYPE, id + "-registrations.xlsx");
        try (Stream<RegistrationView> rows = registrations.stream(search);
                OutputStream out = new BufferedOutputStream(response.getOutputStream())) {
            RegistrationXlsx.write(columns, rows, out);
        }
    }

    /** A link edited by hand: said plainly, as the API says it. */
    @ExceptionHandler(InvalidTableQueryException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidTableQueryException invalid) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(invalid.problem());
    }

    /** The one place each handler finds its conference: a 404 page when there is none or it is another team's. */
    private Conference conference(String id, Authentication organiser) {
        return team.managed(id, organiser);
    }

    private static void attachment(HttpServletResponse response, MediaType type, String filename) {
        response.setContentType(type.toString());
        // The id is a-z, 0-9 and '-' only, so the name needs no escaping.
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    private static List<CountLine> byStatus(Map<RegistrationStatus, Long> counts) {
        return counts.entrySet().stream().map(e -> new CountLine("status." + e.getKey().name(), e.getValue())).toList();
    }

    private static List<CountLine> byType(Map<StakeholderType, Long> counts) {
        return counts.entrySet().stream().map(e -> new CountLine("stakeholderType." + e.getKey().name(), e.getValue()))
                .toList();
    }
}
