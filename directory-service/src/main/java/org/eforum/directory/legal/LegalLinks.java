package org.eforum.directory.legal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Where the privacy notice and the accessibility statement are: registration-service publishes them for the whole
 * E-Forum (one organiser, one notice), and every directory page links them from its footer.
 */
@ControllerAdvice
class LegalLinks {

    /** The two links, as the layout's footer reads them. */
    record Links(String privacy, String accessibility) {
    }

    private final Links links;

    LegalLinks(LegalSettings settings) {
        this.links = new Links(settings.registrationBaseUrl() + "/privacy",
                settings.registrationBaseUrl() + "/accessibility");
    }

    @ModelAttribute("legalLinks")
    Links legalLinks() {
        return links;
    }
}
