package org.eforum.registration.organiser;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.eforum.registration.account.AccountNotFoundException;
import org.eforum.registration.conference.ConferenceNotFoundException;
import org.eforum.registration.conference.NotInTeamException;
import org.eforum.registration.page.PageAdvice;
import org.eforum.registration.registration.RegistrationNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** What every workspace page shows: the language switch and who is logged in; and a page, not JSON, for a 404. */
@ControllerAdvice(basePackageClasses = OrganiserPageAdvice.class)
class OrganiserPageAdvice {

    @ModelAttribute("languageLinks")
    List<PageAdvice.LanguageLink> languageLinks(HttpServletRequest request) {
        return PageAdvice.languageLinksFor(request);
    }

    /**
     * Empty for a visitor who has not logged in: on the login page Spring Security's anonymous token counts as
     * "authenticated" (named anonymousUser), and the header would offer that visitor a log-out.
     */
    @ModelAttribute("organiserName")
    String organiserName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? "" : authentication.getName();
    }

    /** The header's navigation: an operator's workspace is the accounts, an organiser's the conferences. */
    @ModelAttribute("operator")
    boolean operator() {
        return OrganiserSecurity.isOperator(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * Another team's conference is no different from one that does not exist, nor is a registration of another
     * conference: the page tells nothing of it.
     */
    @ExceptionHandler({ConferenceNotFoundException.class, NotInTeamException.class,
            RegistrationNotFoundException.class, AccountNotFoundException.class})
    ModelAndView notFound(HttpServletRequest request) {
        ModelAndView page = new ModelAndView("not-found", HttpStatus.NOT_FOUND);
        page.addObject("languageLinks", PageAdvice.languageLinksFor(request));
        return page;
    }
}
