package org.eforum.notification.mail;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The languages E-Forum writes mail in. Anything else falls back to English, the broader audience. */
public enum MailLanguage {
    BG("bg", "d MMMM yyyy 'г.'"),
    EN("en", "d MMMM yyyy");

    private final String code;
    private final Locale locale;
    private final DateTimeFormatter dateFormat;

    MailLanguage(String code, String datePattern) {
        this.code = code;
        this.locale = Locale.forLanguageTag(code);
        this.dateFormat = DateTimeFormatter.ofPattern(datePattern, locale);
    }

    public static MailLanguage of(String code) {
        return code != null && code.trim().toLowerCase(Locale.ROOT).startsWith("bg") ? BG : EN;
    }

    /** The ISO 639-1 code, as used in {@code Content-Language} and the delivery log. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    DateTimeFormatter dateFormat() {
        return dateFormat;
    }
}
