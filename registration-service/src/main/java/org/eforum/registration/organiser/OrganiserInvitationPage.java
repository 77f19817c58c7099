package org.eforum.registration.organiser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.eforum.registration.account.InvitationRefusedException;
import org.eforum.registration.account.InvitationService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page an invitation's mail links to, for someone not logged in: the password twice (the API's length rule,
 * errors beside the fields), then the account is active and the login form says so. A link that does not work —
 * wrong token, used, replaced by a newer one, expired, its account disabled — is a page saying which (404 or 410),
 * and changes nothing. A GET never changes anything (mail scanners follow links).
 */
@Controller
@RequestMapping("/organiser/invitations/{id}")
class OrganiserInvitationPage {

    static final List<String> FIELDS = List.of("password", "passwordAgain");

    private final InvitationService invitations;
    private final AccountFormErrors formErrors;

    OrganiserInvitationPage(InvitationService invitations, AccountFormErrors formErrors) {
        this.invitations = invitations;
        this.formErrors = formErrors;
    }

    @GetMapping
    ModelAndView form(@PathVariable String id, @RequestParam(required = false) @Nullable String token) {
        String username = invitations.check(id, token).username();
        return form(id, token, username, Map.of(), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView setPassword(@PathVariable String id, @RequestParam(required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String passwordAgain, HttpServletRequest request) {
        String username = invitations.check(id, token).username();
        Locale locale = OrganiserAccountsPage.locale(request);
        NewPassword chosen = new NewPassword(password, passwordAgain);
        Map<String, String> errors = new LinkedHashMap<>(formErrors.of(chosen, FIELDS, locale));
        if (errors.isEmpty() && !chosen.typedTheSameTwice()) {
            errors.put("passwordAgain", formErrors.message("passwordAgain", "different", locale));
        }
        if (!errors.isEmpty()) {
            return form(id, token, username, errors, HttpStatus.BAD_REQUEST);
        }
        invitations.accept(id, token, chosen.password());
        return OrganiserAccountsPage.seeOther(OrganiserSecurity.LOGIN + "?activated&lang=" + locale.getLanguage());
    }

    @ExceptionHandler(InvitationRefusedException.class)
    ModelAndView refused(InvitationRefusedException refused) {
        ModelAndView page = new ModelAndView("organiser/invitation-refused",
                HttpStatus.valueOf(refused.getStatusCode().value()));
        page.addObject("reason", refused.reason().name());
        return page;
    }

    private static ModelAndView form(String id, @Nullable String token, String username, Map<String, String> errors,
            HttpStatus status) {
        ModelAndView page = new ModelAndView("organiser/invitation", status);
        page.addObject("invitationId", id);
        page.addObject("token", token);
        page.addObject("username", username);
        page.addObject("values", Map.of());
        page.addObject("errors", errors);
        return page;
    }
}
