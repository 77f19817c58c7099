package org.eforum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** ?lang, then the visit's cookie, then the browser, then the conference, then English. */
class PageLanguageResolverTest {

    private final PageLanguageResolver resolver = new PageLanguageResolver();

    @Test
    void theBrowsersBestSupportedLanguageWins() {
        assertThat(PageLanguageResolver.fromAcceptLanguage("de-DE,de;q=0.9,bg;q=0.8,en;q=0.7")).hasValue("bg");
        assertThat(PageLanguageResolver.fromAcceptLanguage("en;q=0.5,bg-BG;q=0.8")).hasValue("bg");
        assertThat(PageLanguageResolver.fromAcceptLanguage("en-US")).hasValue("en");
        assertThat(PageLanguageResolver.fromAcceptLanguage("bg;q=0,en;q=0.1")).hasValue("en");
    }

    @Test
    void noUsablePreferenceIsNoPreference() {
        assertThat(PageLanguageResolver.fromAcceptLanguage(null)).isEmpty();
        assertThat(PageLanguageResolver.fromAcceptLanguage("*")).isEmpty();
        assertThat(PageLanguageResolver.fromAcceptLanguage("fr-FR,de")).isEmpty();
        assertThat(PageLanguageResolver.fromAcceptLanguage(";;;=q")).isEmpty();
    }

    @Test
    void withoutAPreferenceTheConferenceDecides() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "fr");
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);

        assertThat(PageLanguageResolver.fallBackTo(request, "bg")).isEqualTo(Locale.forLanguageTag("bg"));
        assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("bg");
    }

    @Test
    void aChoiceBeatsTheBrowserAndIsKeptInASessionCookie() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "en");
        MockHttpServletResponse response = new MockHttpServletResponse();

        resolver.setLocale(request, response, Locale.forLanguageTag("bg"));

        assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("bg");
        String cookie = response.getHeader("Set-Cookie");
        assertThat(cookie).startsWith(PageLanguageResolver.COOKIE + "=bg").contains("Path=/", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Max-Age", "Expires");

        MockHttpServletRequest nextRequest = new MockHttpServletRequest();
        nextRequest.addHeader("Accept-Language", "en");
        nextRequest.setCookies(new Cookie(PageLanguageResolver.COOKIE, "bg"));
        assertThat(resolver.resolveLocale(nextRequest).getLanguage()).isEqualTo("bg");
    }

    @Test
    void anUnsupportedChoiceIsIgnored() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();

        resolver.setLocale(request, response, Locale.GERMAN);
        request.setCookies(new Cookie(PageLanguageResolver.COOKIE, "<script>"));

        assertThat(response.getHeader("Set-Cookie")).isNull();
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
    }
}
