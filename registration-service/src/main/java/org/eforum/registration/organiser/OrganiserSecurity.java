package org.eforum.registration.organiser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eforum.platform.security.Roles;
import org.eforum.platform.web.PageLanguageResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The workspace is for people in a browser: a login form and a session cookie, with CSRF tokens on every form
 * (unlike the JSON API, which takes HTTP Basic on each request). Its own chain, so the API's rules stay as they are.
 */
@Configuration
class OrganiserSecurity {

    static final String LOGIN = "/organiser/login";

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
                        .anyRequest().hasRole(Roles.ORGANISER))
                .formLogin(login -> login.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .defaultSuccessUrl("/organiser", false).failureUrl(LOGIN + "?error").permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginInTheAskedLanguage()))
                .logout(logout -> logout.logoutUrl("/organiser/logout").logoutSuccessUrl(LOGIN + "?loggedOut"));
        return http.build();
    }
}
