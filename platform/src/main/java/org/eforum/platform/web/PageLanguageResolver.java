package org.eforum.platform.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page, in this order: {@code ?lang=bg|en} (then kept for the visit in a session cookie), the
 * browser's {@code Accept-Language}, the language the controller names as fallback (the conference's first
 * language), English. Nothing is cached per request: the fallback is known only once the controller has loaded the
 * conference, after Spring first asked for the locale. The same rule and cookie on every app's pages, so a visitor's
 * choice carries from the form to the directory.
 */
public class PageLanguageResolver implements LocaleResolver {

    public static final String COOKIE = "eforum-lang";
    public static final Set<String> SUPPORTED = Set.of("bg", "en");
    private static final String DEFAULT = "en";
    private static final String CHOSEN = PageLanguageResolver.class.getName() + ".chosen";
    private static final String FALLBACK = PageLanguageResolver.class.getName() + ".fallback";

    /** Names the language to use when neither the visitor nor the browser chose one; returns the page's locale. */
    public static Locale fallBackTo(HttpServletRequest request, String language) {
        if (SUPPORTED.contains(language)) {
            request.setAttribute(FALLBACK, language);
        }
        return Locale.forLanguageTag(language(request));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return Locale.forLanguageTag(language(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String language = locale == null ? null : locale.getLanguage();
        if (!SUPPORTED.contains(language)) {
            return; // ?lang=xx is ignored rather than an error
        }
        request.setAttribute(CHOSEN, language);
        if (response != null) {
            // No Max-Age: a session cookie, so the choice lasts for the visit.
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, language).path("/").httpOnly(true)
                    .sameSite("Lax").secure(request.isSecure()).build().toString());
        }
    }

    public static String language(HttpServletRequest request) {
        Object chosen = request.getAttribute(CHOSEN);
        if (chosen != null) {
            return chosen.toString();
        }
        return fromCookie(request)
                .or(() -> fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
                .orElseGet(() -> {
                    Object fallback = request.getAttribute(FALLBACK);
                    return fallback != null ? fallback.toString() : DEFAULT;
                });
    }

    private static Optional<String> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && SUPPORTED.contains(cookie.getValue())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** The supported language the browser likes best; {@code *} is no preference, so the conference decides. */
    public static Optional<String> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            // parse() sorts by weight, highest first.
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String primary = range.getRange().split("-", 2)[0];
                if (range.getWeight() > 0 && SUPPORTED.contains(primary)) {
                    return Optional.of(primary);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A header we cannot read says nothing about the visitor's language.
        }
        return Optional.empty();
    }
}
