package org.eforum.notification.security;

import org.eforum.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A pure API: stateless HTTP Basic, no session and no CSRF token for {@code /api/**} (no cookie authenticates
 * a request, so there is nothing to forge). Accounts come from the platform ({@code eforum.security.accounts}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                        // Every conference's mail: for operators (the console), not for one conference's organisers.
                        .requestMatchers("/api/notifications/deliveries", "/api/notifications/deliveries/**")
                        .hasRole(Roles.OPERATOR)
                        .requestMatchers("/api/**").hasAnyRole(Roles.ORGANISER, Roles.OPERATOR)
                        // Metrics (the mail counters included) are for operators and their Prometheus, with Basic auth.
                        .requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus")
                        .hasRole(Roles.OPERATOR)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
