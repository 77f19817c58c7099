package org.eforum.registration.organiser;

import org.eforum.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The workspace is for people in a browser: a login form and a session cookie, with CSRF tokens on every form
 * (unlike the JSON API, which takes HTTP Basic on each request). Its own chain, so the API's rules stay as they are.
 */
@Configuration
class OrganiserSecurity {

    static final String LOGIN = "/organiser/login";

    @Bean
    @Order(1)
    SecurityFilterChain organiserPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/organiser", "/organiser/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN).permitAll()
                        .anyRequest().hasRole(Roles.ORGANISER))
                .formLogin(login -> login.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .defaultSuccessUrl("/organiser", false).failureUrl(LOGIN + "?error").permitAll())
                .logout(logout -> logout.logoutUrl("/organiser/logout").logoutSuccessUrl(LOGIN + "?loggedOut"));
        return http.build();
    }
}
