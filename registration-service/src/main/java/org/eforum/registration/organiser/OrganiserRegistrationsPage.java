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
import org.eforum.registration.conference.TeamAccess;
import org.eforum.registration.page.ConferenceCard;
import org.eforum.registration.page.FormOptions;
import org.eforum.registration.registration.ExportColumns;
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
 * the current search as CSV or XLSX (every page of them).
 */
@Controller
@RequestMapping("/organiser/conferences/{id}")
class OrganiserRegistrationsPage {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final TeamAccess team;
    private final Registrations registrations;
    private final FormOptions options;
    private final Moments moments;

    OrganiserRegistrationsPage(TeamAccess team, Registrations registrations, FormOptions options, Moments moments) {
        this.team = team;
        this.registrations = registrations;
        this.options = options;
        this.moments = moments;
    }

    @GetMapping("/registrations")
    ModelAndView table(@PathVariable String id, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, Authentication organiser) {
        Conference conference = conference(id, organiser);
        Locale locale = PageLanguageResolver.fallBackTo(request, OrganiserConferencesPage.DEFAULT_LANGUAGE);
        RegistrationTableQuery query = RegistrationTableQuery.from(params);
        RegistrationSearch search = query.search(id);
        long total = registrations.count(search);
        List<RegistrationRow> rows = registrations.search(search, query.skip(), query.size()).stream()
                .map(registration -> RegistrationRow.of(registration, locale, moments)).toList();
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
        page.addObject("total", total);
        page.addObject("first", rows.isEmpty() ? 0 : query.skip() + 1);
        page.addObject("last", query.skip() + rows.size());
        page.addObject("previous", query.page() > 1 ? query.pageHref(path, (int) Math.min(query.page() - 1, pages)) : null);
        page.addObject("next", query.page() < pages ? query.pageHref(path, query.page() + 1) : null);
        page.addObject("pages", pages);
        page.addObject("csv", query.exportHref(path + ".csv"));
        page.addObject("xlsx", query.exportHref(path + ".xlsx"));
        page.addObject("byStatus", byStatus(registrations.countByStatus(id)));
        page.addObject("byType", byType(registrations.countByStakeholderType(id)));
        page.addObject("statuses", RegistrationStatus.values());
        page.addObject("stakeholderTypes", StakeholderType.values());
        page.addObject("countries", options.countries(locale));
        page.addObject("sizes", List.of(25, 50, 100, 200));
        return page;
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
