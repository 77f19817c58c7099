package org.eforum.registration.legal;

import java.time.Instant;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The privacy notice's version and the consent a participant gives to it. The notice's text lives in the message
 * bundles ({@code privacy.*}); whoever changes what it says changes {@link #VERSION} too, so every registration
 * keeps the exact wording it agreed to and the notice it named.
 */
@Component
public class PrivacyNotice {

    /** The date of the notice's current wording. */
    public static final String VERSION = "2026-12-01";

    private final MessageSource messages;

    PrivacyNotice(MessageSource messages) {
        this.messages = messages;
    }

    /** What a participant agreed to, in their language, as stored with their registration. */
    public ConsentRecord consentGiven(String language, Instant at) {
        Locale locale = Locale.forLanguageTag("bg".equals(language) ? "bg" : "en");
        String text = messages.getMessage("field.consents.dataProcessing", null, locale) + " "
                + messages.getMessage("privacy.consentReference", new Object[] {VERSION}, locale);
        return new ConsentRecord(VERSION, locale.getLanguage(), text, at);
    }

    /**
     * The consent to data processing as given: the notice's version, the language and the exact words shown beside
     * the box (Art. 7(1): the controller must be able to show what was consented to).
     */
    public record ConsentRecord(String noticeVersion, String language, String text, Instant givenAt) {
    }
}
