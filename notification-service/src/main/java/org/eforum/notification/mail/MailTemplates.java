package org.eforum.notification.mail;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail's two bodies from {@code templates/mail/<name>.html} and {@code templates/mail/<name>.txt}
 * with the texts of {@code mail/messages_<language>.properties}. Its own engine, not Boot's web one, so mail
 * templates never become web views and the plain-text part is rendered in Thymeleaf's TEXT mode.
 * Values in the HTML part are escaped by {@code th:text}; the text part needs no escaping.
 */
@Component
public class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public MailTemplates() {
        messages.setBasename("mail/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** Both bodies of template {@code name}; {@code language} picks the bundle and is available as {@code ${language}}. */
    public Bodies render(String name, MailLanguage language, Map<String, Object> variables) {
        Context context = new Context(language.locale(), variables);
        context.setVariable("language", language.code());
        return new Bodies(engine.process(name + ".txt", context), engine.process(name + ".html", context));
    }

    public String message(String key, MailLanguage language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    /** "12 May 2026", or "12 May 2026 – 14 May 2026" for several days. */
    public static String dates(LocalDate start, LocalDate end, MailLanguage language) {
        if (start == null) {
            return "";
        }
        String first = language.dateFormat().format(start);
        return end == null || end.equals(start) ? first : first + " – " + language.dateFormat().format(end);
    }

    /** The country's name in the mail's language, or the code as given when it is not a known country. */
    public static String country(String code, MailLanguage language) {
        if (code == null || code.isBlank()) {
            return "";
        }
        try {
            String name = new Locale.Builder().setRegion(code.trim()).build().getDisplayCountry(language.locale());
            return name.isBlank() ? code : name;
        } catch (java.util.IllformedLocaleException e) {
            return code;
        }
    }

    public record Bodies(String text, String html) {
    }
}
