package org.eforum.registration.organiser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The workspace's login form (inputs {@code username}, {@code password}); Spring Security checks what it posts. */
@Controller
class OrganiserLoginPage {

    /**
     * {@code ?error} after a refused login, {@code ?loggedOut} after logging out (Spring Security's redirects),
     * {@code ?activated} after an invitee set their password.
     */
    @GetMapping(OrganiserSecurity.LOGIN)
    ModelAndView login(@RequestParam(required = false) String error, @RequestParam(required = false) String loggedOut,
            @RequestParam(required = false) String activated) {
        ModelAndView page = new ModelAndView("organiser/login");
        page.addObject("failed", error != null);
        page.addObject("loggedOut", loggedOut != null);
        page.addObject("activated", activated != null);
        return page;
    }
}
