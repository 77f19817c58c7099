package org.eforum.directory.security;

import org.eforum.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless HTTP Basic; the accounts come from the platform ({@code eforum.security.accounts}). Anything not
 * named here needs a login, so a new endpoint is private until someone decides otherwise.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems) {
        return http
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // The pages load nothing from elsewhere: no CDN, no inline script, no framing.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; "
                                + "base-uri 'none'; form-action 'self'")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/directory/stakeholders", "/api/directory/organisations",
                                "/api/directory/experts")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/directory", "/directory/**", "/css/**").permitAll()
                        .requestMatchers("/api/directory/rebuild").hasRole(Roles.OPERATOR)
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                        .permitAll()
                        // Metrics are for operators and their Prometheus, with Basic auth.
                        .requestMatchers("/actuator/**").hasRole(Roles.OPERATOR)
                        .requestMatchers("/api/directory/conferences/**", "/api/directory/organisations/*/website")
                        .hasRole(Roles.ORGANISER)
                        .anyRequest().authenticated())
                .build();
    }
}
