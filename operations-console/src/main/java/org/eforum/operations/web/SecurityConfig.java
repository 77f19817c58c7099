package org.eforum.operations.web;

import jakarta.servlet.http.HttpServletRequest;
import org.eforum.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything but health and the login page is for operators: the JSON API with HTTP Basic (Prometheus, scripts),
 * the pages with a login form and a session. A page's form carries a CSRF token; so does any call to the API
 * that rides on the session cookie. An API call without a session cookie, or with credentials of its own (an
 * {@code Authorization} header), needs none; a browser may send a cached Basic login cross-site, so the platform
 * refuses such a POST unless its type is JSON (CrossSiteApiGuard).
 */
@Configuration
class SecurityConfig {

    static final String REALM = "E-Forum operations console";

    @Bean
    SecurityFilterChain operatorsOnly(HttpSecurity http) throws Exception {
        RequestMatcher api = request -> path(request).startsWith("/api/") || path(request).startsWith("/actuator/");
        // No session cookie, or credentials of its own: nothing a forged cross-site request could ride on.
        RequestMatcher noAmbientCredentials = request -> path(request).startsWith("/api/")
                && (request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName(REALM);
        basic.afterPropertiesSet();
        AuthenticationEntryPoint entryPoint = DelegatingAuthenticationEntryPoint.builder()
                // The pages' scripts: a 401 problem without WWW-Authenticate (no browser dialog); the page then
                // reloads into the login form.
                .addEntryPointFor((request, response, e) -> response.sendError(HttpStatus.UNAUTHORIZED.value()),
                        new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"))
                .addEntryPointFor(basic, api)
                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                .build();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .requestMatchers("/login", "/css/**", "/favicon.ico").permitAll()
                        .anyRequest().hasRole(Roles.OPERATOR))
                .httpBasic(basicAuth -> basicAuth.realmName(REALM).authenticationEntryPoint(basic))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(Customizer.withDefaults())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.ignoringRequestMatchers(noAmbientCredentials));
        return http.build();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
