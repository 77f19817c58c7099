package org.eforum.registration.web;

import org.eforum.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Participants are anonymous: the form, the registration API and their own token link. Organisers (HTTP Basic,
 * or the login form on the pages) create conferences, and change and read those of their teams (the team check is
 * {@code TeamAccess}'s, after these role rules); operators manage the organisers' accounts, erase people, read
 * {@code /api/operations/**} and the metrics.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Realm");
        basic.afterPropertiesSet();
        http.authorizeHttpRequests(requests -> requests
                        // Operations (the console's outbox view) before the broader rules.
                        .requestMatchers("/api/operations/**").hasRole(Roles.OPERATOR)
                        .requestMatchers("/api/accounts", "/api/accounts/**").hasRole(Roles.OPERATOR)
                        .requestMatchers("/api/conferences/*/team").hasAnyRole(Roles.ORGANISER, Roles.OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/organiser/conferences")
                        .hasAnyRole(Roles.ORGANISER, Roles.OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/conferences").hasRole(Roles.ORGANISER)
                        .requestMatchers(HttpMethod.PUT, "/api/conferences/*").hasRole(Roles.ORGANISER)
                        .requestMatchers(HttpMethod.GET, "/api/conferences/*/registrations").hasRole(Roles.ORGANISER)
                        .requestMatchers("/api/conferences/*/registrations/*", "/api/conferences/*/registrations/*/*")
                                .hasAnyRole(Roles.ORGANISER, Roles.OPERATOR)
                        .requestMatchers("/api/conferences/*/messages", "/api/conferences/*/messages/*")
                                .hasRole(Roles.ORGANISER)
                        // Operators only: an erasure reaches every conference of the address, not only the caller's.
                        .requestMatchers(HttpMethod.POST, "/api/erasures").hasRole(Roles.OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/conferences/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/conferences/*/registrations").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/registrations/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/registrations/*/cancel", "/api/registrations/*/confirm-address")
                                .permitAll()
                        // The participant's corrections: the token in the query is the credential.
                        .requestMatchers(HttpMethod.PUT, "/api/registrations/*/details").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/registrations/*/email/confirm").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // Metrics are for operators and their Prometheus, with Basic auth.
                        .requestMatchers("/actuator/**").hasRole(Roles.OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/", "/conferences/**", "/registrations/**", "/privacy", "/accessibility", "/css/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.POST, "/conferences/*/register", "/registrations/*/cancel",
                                "/registrations/*/confirm-address", "/registrations/*/details",
                                "/registrations/*/email").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                // The organisers' pages (/organiser/**) have a chain of their own with a login form: OrganiserSecurity.
                .httpBasic(basicAuth -> basicAuth.authenticationEntryPoint(basic))
                // The JSON API is called with credentials on each request, never with a cookie: no CSRF there.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }
}
