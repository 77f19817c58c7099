package org.eforum.platform.security.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Applied by Spring Security to every {@link HttpSecurity} of every app (a {@code Customizer<HttpSecurity>} bean),
 * before the app's own configuration, which may tighten it (the directory's pages allow no script at all).
 */
@AutoConfiguration
@ConditionalOnClass(HttpSecurity.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LoginThrottleSettings.class)
public class WebSecurityAutoConfiguration {

    /**
     * Scripts, styles and images from the app itself only (data: images for Swagger UI's icons); no plugins, no
     * framing, no {@code <base>}, forms post back to the app.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Bean
    LoginThrottle loginThrottle(LoginThrottleSettings settings) {
        return new LoginThrottle(settings);
    }

    @Bean
    Customizer<HttpSecurity> eforumWebSecurity(LoginThrottleSettings settings, LoginThrottle throttle) {
        return http -> {
            http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
            // Not beans: as beans, Boot would also register them as servlet filters outside the security chain.
            http.addFilterBefore(new CrossSiteApiGuard(), CsrfFilter.class);
            if (settings.enabled()) {
                http.addFilterBefore(new LoginThrottleFilter(throttle, settings.loginPath()),
                        UsernamePasswordAuthenticationFilter.class);
            }
        };
    }
}
