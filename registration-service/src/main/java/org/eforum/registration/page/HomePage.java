package org.eforum.registration.page;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.ConferenceService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /}: the conferences open for registration, each linking to its form. */
@Controller
class HomePage {

    private final ConferenceService conferences;
    private final Clock clock;

    HomePage(ConferenceService conferences, Clock clock) {
        this.conferences = conferences;
        this.clock = clock;
    }

    @GetMapping("/")
    String index(HttpServletRequest request, Model model) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ConferenceCard.LOCAL_TIME);
        List<Conference> open = conferences.all().stream()
                .filter(conference -> conference.window().isOpen(now) && !conference.endDate().isBefore(today))
                .toList();
        Locale locale = PageLanguageResolver.fallBackTo(request,
                open.isEmpty() ? "en" : ConferenceCard.mainLanguage(open.get(0)));
        model.addAttribute("conferences", open.stream().map(c -> ConferenceCard.of(c, locale, now)).toList());
        return "index";
    }
}
