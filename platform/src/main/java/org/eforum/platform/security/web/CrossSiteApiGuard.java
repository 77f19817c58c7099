package org.eforum.platform.security.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser that once logged in with HTTP Basic sends that login with every request to the app, also with a form
 * or an image another site made it send. Such a cross-site request can only be a POST with no body type or with
 * a form's ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code text/plain}); any
 * other type, {@code application/json} among them, needs a CORS preflight, which none of the apps grants. So a
 * POST to {@code /api/**} that carries credentials must declare such a type, even when it has no body: a script
 * or curl adds {@code -H 'Content-Type: application/json'}, a cross-site page cannot. PUT, PATCH and DELETE
 * always need a preflight and are not checked; the pages' own forms carry a CSRF token instead.
 */
final class CrossSiteApiGuard extends OncePerRequestFilter {

    static final String DETAIL = "A POST to the API with credentials must send Content-Type: application/json, "
            + "also when it has no body, so that no other site can make a browser send it.";

    /** The types a cross-site form or {@code fetch} without a preflight can send (the Fetch standard's list). */
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (needsPreflight(request.getContentType())) {
            chain.doFilter(request, response);
        } else {
            Problems.write(response, HttpStatus.FORBIDDEN, "Cross-site request refused", DETAIL);
        }
    }

    private static boolean needsPreflight(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !FORM_TYPES.contains(type.getType() + "/" + type.getSubtype());
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
