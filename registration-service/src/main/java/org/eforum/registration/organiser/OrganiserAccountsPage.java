package org.eforum.registration.organiser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.eforum.platform.web.PageLanguageResolver;
import org.eforum.registration.account.AccountConflictException;
import org.eforum.registration.account.AccountRequest;
import org.eforum.registration.account.AccountService;
import org.eforum.registration.account.AccountState;
import org.eforum.registration.account.InvitationRequest;
import org.eforum.registration.account.InvitationService;
import org.eforum.registration.account.OrganiserAccount;
import org.jspecify.annotations.Nullable;
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
 * The operators' pages of the organiser accounts: the list with each account's state, the form that creates one
 * with its first password (the API's rules, each error beside its input; a taken username beside the username), and
 * inviting one by mail (the account stored as invited, the mail sent by notification-service), and disabling one
 * behind a confirmation page. Operators only ({@link OrganiserSecurity}); every change ends in a 303.
 */
@Controller
@RequestMapping(OrganiserSecurity.ACCOUNTS)
class OrganiserAccountsPage {

    static final List<String> FIELDS = List.of("username", "displayName", "email", "password");

    private final AccountService accounts;
    private final InvitationService invitations;
    private final AccountFormErrors formErrors;
    private final Moments moments;

    OrganiserAccountsPage(AccountService accounts, InvitationService invitations, AccountFormErrors formErrors,
            Moments moments) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.formErrors = formErrors;
        this.moments = moments;
    }

    /** One row of the list, as the page shows it. */
    record AccountRow(String username, String displayName, @Nullable String email, String state,
            @Nullable String createdAt, String createdBy, boolean canBeDisabled, boolean canBeInvitedAgain) {

        static AccountRow of(OrganiserAccount account, Moments moments, Locale locale) {
            return new AccountRow(account.username(), account.displayName(), account.email(),
                    account.state().name(), moments.moment(account.createdAt(), locale),
                    account.createdBy(), account.disabledAt() == null, account.state() == AccountState.INVITED);
        }
    }

    @GetMapping
    ModelAndView list(HttpServletRequest request) {
        Locale locale = locale(request);
        ModelAndView page = new ModelAndView("organiser/accounts");
        page.addObject("accounts", accounts.all().stream().map(account -> AccountRow.of(account, moments, locale))
                .toList());
        return page;
    }

    @GetMapping("/new")
    ModelAndView newAccount() {
        return form(Map.of(), Map.of(), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView create(@RequestParam MultiValueMap<String, String> submitted, HttpServletRequest request,
            Authentication operator, RedirectAttributes redirect) {
        Locale locale = locale(request);
        Map<String, String> values = values(submitted, FIELDS);
        AccountRequest account = new AccountRequest(values.get("username"), values.get("displayName"),
                values.get("email"), submitted.getFirst("password"));
        Map<String, String> errors = formErrors.of(account, FIELDS, locale);
        if (!errors.isEmpty()) {
            return form(values, errors, HttpStatus.BAD_REQUEST);
        }
        try {
            accounts.create(account, operator.getName());
        } catch (AccountConflictException taken) {
            return form(values, Map.of("username", formErrors.message("username", "taken", locale)),
                    HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("notice", "organiser.accounts.created");
        redirect.addFlashAttribute("noticeAccount", account.username());
        return seeOther(OrganiserSecurity.ACCOUNTS);
    }

    static final List<String> INVITATION_FIELDS = List.of("username", "displayName", "email", "language");

    /** {@code ?username=} of an account still invited (its link expired, say): the form filled in to invite it again. */
    @GetMapping("/invitations/new")
    ModelAndView newInvitation(@RequestParam(required = false) @Nullable String username, HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        if (username != null && username.matches(AccountRequest.USERNAME_PATTERN)) {
            accounts.find(username).filter(account -> account.state() == AccountState.INVITED).ifPresent(account -> {
                        values.put("username", account.username());
                        if (!account.displayName().equals(account.username())) {
                            values.put("displayName", account.displayName());
                        }
                        values.put("email", account.email());
                    });
        }
        values.put("language", locale(request).getLanguage());
        return invitationForm(values, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/invitations")
    ModelAndView invite(@RequestParam MultiValueMap<String, String> submitted, HttpServletRequest request,
            Authentication operator, RedirectAttributes redirect) {
        Locale locale = locale(request);
        Map<String, String> values = values(submitted, INVITATION_FIELDS);
        String displayName = values.get("displayName");
        InvitationRequest invitation = new InvitationRequest(values.get("username"),
                displayName == null || displayName.isEmpty() ? null : displayName, values.get("email"),
                values.get("language"));
        Map<String, String> errors = formErrors.of(invitation, INVITATION_FIELDS, locale);
        if (!errors.isEmpty()) {
            return invitationForm(values, errors, HttpStatus.BAD_REQUEST);
        }
        try {
            invitations.invite(invitation, operator.getName());
        } catch (AccountConflictException taken) {
            return invitationForm(values, Map.of("username", formErrors.message("username", "takenByActive", locale)),
                    HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("notice", "organiser.accounts.invited");
        redirect.addFlashAttribute("noticeAccount", invitation.username());
        return seeOther(OrganiserSecurity.ACCOUNTS);
    }

    private ModelAndView invitationForm(Map<String, String> values, Map<String, String> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("organiser/account-invite", status);
        page.addObject("validityDays", invitations.validity().toDays());
        page.addObject("values", values);
        page.addObject("errors", errors);
        return page;
    }

    @GetMapping("/{username}/disable")
    ModelAndView confirmDisable(@PathVariable String username) {
        OrganiserAccount account = accounts.get(username);
        ModelAndView page = new ModelAndView("organiser/account-disable");
        page.addObject("account", account);
        return page;
    }

    @PostMapping("/{username}/disable")
    ModelAndView disable(@PathVariable String username, RedirectAttributes redirect) {
        accounts.disable(username);
        redirect.addFlashAttribute("notice", "organiser.accounts.disabled");
        redirect.addFlashAttribute("noticeAccount", username);
        return seeOther(OrganiserSecurity.ACCOUNTS);
    }

    private static ModelAndView form(Map<String, String> values, Map<String, String> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("organiser/account-form", status);
        page.addObject("values", values);
        page.addObject("errors", errors);
        return page;
    }

    /** What was typed, trimmed; never a password (it is not shown again). */
    static Map<String, String> values(MultiValueMap<String, String> submitted, List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            String value = submitted.getFirst(field);
            if (value != null && !field.startsWith("password")) {
                values.put(field, value.strip());
            }
        }
        return values;
    }

    static Locale locale(HttpServletRequest request) {
        return PageLanguageResolver.fallBackTo(request, OrganiserConferencesPage.DEFAULT_LANGUAGE);
    }

    static ModelAndView seeOther(String path) {
        RedirectView redirect = new RedirectView(path, true);
        redirect.setHttp10Compatible(false);
        return new ModelAndView(redirect);
    }
}
