package org.eforum.registration.organiser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eforum.platform.security.Roles;
import org.eforum.platform.web.PageLanguageResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * The workspace is for people in a browser: a login form and a session cookie, with CSRF tokens on every form
 * (unlike the JSON API, which takes HTTP Basic on each request). Its own chain, so the API's rules stay as they are.
 * The pages are the organisers', but for the accounts pages, which are the operators'; an invitee's page needs no login.
 */
@Configuration
class OrganiserSecurity {

    static final String LOGIN = "/organiser/login";
    static final String ACCOUNTS = "/organiser/accounts";
    /** The invitee's page: they have no account to log in with until they set its password there. */
    static final String INVITATIONS = "/organiser/invitations/**";

    /**
     * After the login, the page that was asked for, else the role's start: the conferences for an organiser, the
     * accounts for an operator (who has no conferences of their own).
     */
    static final class StartOfTheRole extends SavedRequestAwareAuthenticationSuccessHandler {

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) {
            return isOperator(authentication) ? ACCOUNTS : "/organiser";
        }
    }

    static boolean isOperator(@Nullable Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Roles.OPERATOR).equals(authority.getAuthority()));
    }

    /**
     * The way to the login form keeps a {@code ?lang=} the organiser came with: the redirect happens before any page
     * could remember the choice, and the form should speak the language asked for.
     */
    static final class LoginInTheAskedLanguage extends LoginUrlAuthenticationEntryPoint {

        LoginInTheAskedLanguage() {
            super(LOGIN);
        }

        @Override
        protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) {
            String language = request.getParameter("lang");
            return language != null && PageLanguageResolver.SUPPORTED.contains(language) ? LOGIN + "?lang=" + language
                    : LOGIN;
        }
    }

    @Bean
    @Order(1)
    SecurityFilterChain organiserPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/organiser", "/organiser/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN).permitAll()
                        .requestMatchers(INVITATIONS).permitAll()
                        .requestMatchers(ACCOUNTS, ACCOUNTS + "/**").hasRole(Roles.OPERATOR)
                        .anyRequest().hasRole(Roles.ORGANISER))
                .formLogin(login -> login.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .successHandler(new StartOfTheRole()).failureUrl(LOGIN + "?error").permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginInTheAskedLanguage()))
                .logout(logout -> logout.logoutUrl("/organiser/logout").logoutSuccessUrl(LOGIN + "?loggedOut"));
        return http.build();
    }
}
