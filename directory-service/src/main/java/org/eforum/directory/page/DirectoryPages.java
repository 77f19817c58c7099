package org.eforum.directory.page;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.conference.Conference;
import org.eforum.directory.conference.Conferences;
import org.eforum.directory.organisation.Organisation;
import org.eforum.directory.organisation.Organisations;
import org.eforum.directory.person.DirectoryFilter;
import org.eforum.directory.person.DirectoryQuery;
import org.eforum.directory.person.Participation;
import org.eforum.directory.person.People;
import org.eforum.directory.person.Person;
import org.eforum.directory.person.Profile;
import org.eforum.directory.web.InvalidQueryException;
import org.eforum.directory.web.Paging;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The directory's pages. They ask the same queries as the public API ({@link People#listed}, {@link People#experts})
 * so a page never shows more than the API. Every value is written with {@code th:text}/{@code th:href}, i.e.
 * escaped; nothing comes from outside this service (no CDN, no web fonts).
 */
@Controller
class DirectoryPages {

    private static final int PAGE_SIZE = 20;

    private final People people;
    private final Organisations organisations;
    private final Conferences conferences;

    DirectoryPages(People people, Organisations organisations, Conferences conferences) {
        this.people = people;
        this.organisations = organisations;
        this.conferences = conferences;
    }

    @GetMapping("/directory")
    String directory(@ModelAttribute DirectoryQuery query, Locale locale, Model model, HttpServletResponse response) {
        return search("/directory", "directory", query, locale, model, response,
                (filter, paging) -> people.listed(filter, paging.pageable()));
    }

    @GetMapping("/directory/experts")
    String experts(@ModelAttribute DirectoryQuery query, Locale locale, Model model, HttpServletResponse response) {
        return search("/directory/experts", "experts", query, locale, model, response,
                (filter, paging) -> people.experts(filter, paging.pageable()));
    }

    @GetMapping("/directory/organisations/{id}")
    String organisation(@PathVariable String id, Locale locale, Model model, HttpServletResponse response) {
        List<Person> listed = id.length() > 64 ? List.of() : people.listedIn(id);
        Organisation organisation = listed.isEmpty() ? null : organisations.find(id).orElse(null);
        common(model, locale, "/directory/organisations/" + id, "directory");
        if (organisation == null) {
            // Unknown, or without listed people: the same answer, so it reveals no unlisted registration.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "not-found";
        }
        model.addAttribute("organisation", new OrganisationPage(organisation.name(),
                countryName(organisation.country(), locale), safeWebsite(organisation.website()),
                listed.stream().map(p -> p.profile().stakeholderType()).filter(t -> t != null).distinct().sorted()
                        .toList(),
                rows(listed, locale)));
        return "organisation";
    }

    private String search(String path, String view, DirectoryQuery query, Locale locale, Model model,
            HttpServletResponse response, BiFunction<DirectoryFilter, Paging, Page<Person>> search) {
        DirectoryQuery.Checked read = query.forPage(PAGE_SIZE);
        List<String> errors = read.errors().stream().map(InvalidQueryException.FieldError::field).toList();
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        common(model, locale, path, view);
        model.addAttribute("q", query.q() == null ? "" : query.q());
        model.addAttribute("selectedType", read.type() == null ? "" : read.type().name());
        model.addAttribute("selectedCountry", read.country() == null ? "" : read.country());
        model.addAttribute("types", StakeholderType.values());
        model.addAttribute("countries", countries(locale));
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            model.addAttribute("results", null);
            return view;
        }
        Paging paging = read.paging();
        Page<Person> found = search.apply(read.filter(), paging);
        int pages = (int) Math.max(1, (found.getTotalElements() + PAGE_SIZE - 1) / PAGE_SIZE);
        BiFunction<Integer, Boolean, String> pageLink = (number, present) -> present
                ? UriComponentsBuilder.fromPath(path).queryParamIfPresent("q", Optional.ofNullable(read.text()))
                        .queryParamIfPresent("type", Optional.ofNullable(read.type()).map(Enum::name))
                        .queryParamIfPresent("country", Optional.ofNullable(read.country()))
                        .queryParam("page", number).encode().build().toUriString()
                : null;
        model.addAttribute("results", new Results(found.getTotalElements(), paging.page() + 1, pages,
                rows(found.getContent(), locale), pageLink.apply(paging.page() - 1, paging.page() > 0),
                pageLink.apply(paging.page() + 1, paging.page() + 1 < pages)));
        return view;
    }

    private void common(Model model, Locale locale, String path, String section) {
        model.addAttribute("section", section);
        model.addAttribute("languageLinks", List.of(
                new LanguageLink("bg", "Български", UriComponentsBuilder.fromPath(path).queryParam("lang", "bg")
                        .encode().build().toUriString()),
                new LanguageLink("en", "English", UriComponentsBuilder.fromPath(path).queryParam("lang", "en")
                        .encode().build().toUriString())));
    }

    private List<PersonRow> rows(List<Person> found, Locale locale) {
        Set<String> conferenceIds = found.stream().flatMap(p -> p.attended().stream())
                .map(Participation::conferenceId).collect(Collectors.toSet());
        Map<String, Conference> known = conferences.byIds(conferenceIds);
        List<PersonRow> rows = new ArrayList<>();
        for (Person person : found) {
            Profile profile = person.profile();
            List<String> attended = person.attended().stream().map(p -> {
                Conference conference = known.get(p.conferenceId());
                return title(conference != null ? conference.title() : p.conferenceTitle(), locale, p.conferenceId());
            }).distinct().toList();
            rows.add(new PersonRow(person.publicId(), profile.firstName() + " " + profile.lastName(),
                    profile.organisation(),
                    // a link only where the organisation page lists this person: it lists listed people only
                    profile.listInDirectory() ? profile.organisationId() : null,
                    profile.stakeholderType() == null ? null : profile.stakeholderType().name(),
                    countryName(profile.country(), locale), profile.listInDirectory() ? profile.position() : null,
                    profile.joinExpertsNetwork(), profile.listInDirectory() ? attended : List.of()));
        }
        return rows;
    }

    private static String title(Map<String, String> titles, Locale locale, String fallback) {
        String title = titles.get(locale.getLanguage());
        if (title == null) {
            title = titles.getOrDefault("en", titles.values().stream().findFirst().orElse(fallback));
        }
        return title;
    }

    private static List<CountryOption> countries(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries()).map(code -> new CountryOption(code, countryName(code, locale)))
                .sorted(Comparator.comparing(CountryOption::name, collator)).toList();
    }

    private static String countryName(String code, Locale locale) {
        if (code == null) {
            return null;
        }
        String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    /** Only http(s) links become a link; anything else (javascript:, data:) is not shown at all. */
    private static String safeWebsite(String website) {
        if (website == null) {
            return null;
        }
        String lower = website.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? website.strip() : null;
    }

    record LanguageLink(String code, String label, String href) {
    }

    record CountryOption(String code, String name) {
    }

    record PersonRow(String id, String name, String organisation, String organisationId, String type,
            String country, String position, boolean expert, List<String> conferences) {
    }

    record Results(long total, int page, int pages, List<PersonRow> rows, String previous, String next) {
    }

    record OrganisationPage(String name, String country, String website, List<StakeholderType> types,
            List<PersonRow> people) {
    }
}
