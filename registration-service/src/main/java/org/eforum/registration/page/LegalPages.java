package org.eforum.registration.page;

import jakarta.servlet.http.HttpServletRequest;
import org.eforum.registration.legal.OrganiserSettings;
import org.eforum.registration.legal.PrivacyNotice;
import org.eforum.platform.web.PageLanguageResolver;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /privacy} and {@code GET /accessibility}: the notices a public body owes, in Bulgarian and English. */
@Controller
class LegalPages {

    /** When the accessibility statement was last reviewed against the pages (Directive 2016/2102, Art. 7). */
    static final String ACCESSIBILITY_STATEMENT_DATE = "2026-12-01";

    private final OrganiserSettings organiser;

    LegalPages(OrganiserSettings organiser) {
        this.organiser = organiser;
    }

    @GetMapping("/privacy")
    String privacy(HttpServletRequest request, Model model) {
        PageLanguageResolver.fallBackTo(request, "en");
        model.addAttribute("organiser", organiser);
        model.addAttribute("version", PrivacyNotice.VERSION);
        return "privacy";
    }

    @GetMapping("/accessibility")
    String accessibility(HttpServletRequest request, Model model) {
        PageLanguageResolver.fallBackTo(request, "en");
        model.addAttribute("organiser", organiser);
        model.addAttribute("statementDate", ACCESSIBILITY_STATEMENT_DATE);
        return "accessibility";
    }
}
