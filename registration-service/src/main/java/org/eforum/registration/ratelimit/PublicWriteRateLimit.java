package org.eforum.registration.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Counts every public write against its client's budget before the handler reads the body, so refused, invalid and
 * valid submits all count, and a refused one stores nothing. A registration submit (API or form) counts against its
 * conference; a participant's own write ({@code /registrations/{id}/cancel} and whatever else is posted or put below a
 * registration) against that registration, since its conference is not known without reading the store.
 *
 * <p>The client address is {@link HttpServletRequest#getRemoteAddr()}: the connection's, or, when the connection
 * comes from a trusted proxy, the nearest untrusted {@code X-Forwarded-For} hop, as Tomcat's RemoteIpValve decides
 * before any filter runs ({@code server.forward-headers-strategy=native}, {@code server.tomcat.remoteip.*}).
 */
@Component
public class PublicWriteRateLimit implements HandlerInterceptor {

    /** A public write's path, and which budget it spends: the {@code scope} variable names it. */
    private record Rule(PathPattern path, String scopePrefix) {

        static Rule of(String path, String scopePrefix) {
            return new Rule(PathPatternParser.defaultInstance.parse(path), scopePrefix);
        }

        Optional<String> scopeOf(PathContainer requestPath) {
            PathPattern.PathMatchInfo match = path.matchAndExtract(requestPath);
            return match == null ? Optional.empty()
                    : Optional.of(scopePrefix + match.getUriVariables().get("scope"));
        }
    }

    private static final List<Rule> PUBLIC_WRITES = List.of(
            Rule.of("/api/conferences/{scope}/registrations", "conference:"),
            Rule.of("/conferences/{scope}/register", "conference:"),
            Rule.of("/api/registrations/{scope}/**", "registration:"),
            Rule.of("/registrations/{scope}/**", "registration:"));

    private final SubmitBudgets budgets;

    public PublicWriteRateLimit(SubmitBudgets budgets) {
        this.budgets = budgets;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // PUT too: a participant's correction of their details is a public write like their cancel.
        if (!HttpMethod.POST.matches(request.getMethod()) && !HttpMethod.PUT.matches(request.getMethod())) {
            return true;
        }
        Optional<String> scope = scopeOf(request);
        if (scope.isEmpty()) {
            return true;
        }
        Optional<Duration> refused = budgets.take(request.getRemoteAddr(), scope.get());
        if (refused.isPresent()) {
            throw new TooManySubmissionsException(refused.get());
        }
        return true;
    }

    private static Optional<String> scopeOf(HttpServletRequest request) {
        PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
                : PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        for (Rule rule : PUBLIC_WRITES) {
            Optional<String> scope = rule.scopeOf(path);
            if (scope.isPresent()) {
                return scope;
            }
        }
        return Optional.empty();
    }
}
