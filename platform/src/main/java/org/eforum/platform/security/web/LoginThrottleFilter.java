package org.eforum.platform.security.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After}, before any password is checked, to a login (HTTP Basic credentials, or
 * the login form's POST) for a username that failed too often from this client address lately.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final String loginPath;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    LoginThrottleFilter(LoginThrottle throttle, String loginPath) {
        this.throttle = throttle;
        this.loginPath = loginPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = username(request)
                .flatMap(username -> throttle.waitBefore(username, request.getRemoteAddr()));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                "Too many wrong passwords for this account from your address; try again in " + seconds + " s.");
    }

    private Optional<String> username(HttpServletRequest request) {
        if (HttpMethod.POST.matches(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + loginPath)) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        try {
            UsernamePasswordAuthenticationToken credentials = basic.convert(request);
            return credentials == null ? Optional.empty() : Optional.of(credentials.getName());
        } catch (AuthenticationException e) {
            return Optional.empty(); // a malformed header: BasicAuthenticationFilter answers it
        }
    }
}
