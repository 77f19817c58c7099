package org.eforum.registration.page;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eforum.registration.conference.ConferenceNotFoundException;
import org.eforum.registration.legal.PrivacyNotice;
import org.eforum.registration.ratelimit.TooManySubmissionsException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page shows: the language switch, the privacy notice's version; and the page's own 404 instead of the JSON problem. */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
public class PageAdvice {

    /** A link to the same page in another language; {@code label} is written in that language. */
    public record LanguageLink(String code, String label, String href) {
    }

    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request) {
        return languageLinksFor(request);
    }

    /** The form names the notice its consent refers to. */
    @ModelAttribute("privacyNoticeVersion")
    String privacyNoticeVersion() {
        return PrivacyNotice.VERSION;
    }

    @ExceptionHandler({ConferenceNotFoundException.class, PageNotFoundException.class})
    ModelAndView notFound(HttpServletRequest request) {
        ModelAndView page = new ModelAndView("not-found", HttpStatus.NOT_FOUND);
        page.addObject("languageLinks", languageLinksFor(request));
        return page;
    }

    /** A participant's own write over its budget (e.g. cancel pressed again and again): try again later. */
    @ExceptionHandler(TooManySubmissionsException.class)
    ModelAndView tooMany(TooManySubmissionsException refused, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        ModelAndView page = new ModelAndView("error", HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("status", HttpStatus.TOO_MANY_REQUESTS.value());
        page.addObject("retryAfterSeconds", refused.retryAfterSeconds());
        page.addObject("languageLinks", languageLinksFor(request));
        return page;
    }

    /** Same path and query (a self-service token stays), only {@code lang} replaced. */
    public static List<LanguageLink> languageLinksFor(HttpServletRequest request) {
        return List.of(link(request, "bg", "Български"), link(request, "en", "English"));
    }

    private static LanguageLink link(HttpServletRequest request, String code, String label) {
        String href = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang", code).build().toUriString();
        return new LanguageLink(code, label, href);
    }
}
