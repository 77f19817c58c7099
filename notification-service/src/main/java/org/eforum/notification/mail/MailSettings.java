package org.eforum.notification.mail;

import java.net.URI;

import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How outgoing mail presents itself.
 *
 * @param from          the From of every mail, with a display name
 * @param replyTo       optional Reply-To for mails without a better reply address (participant mails reply to
 *                      the conference contact)
 * @param publicBaseUrl where people reach E-Forum; relative links in events are resolved against it
 */
@ConfigurationProperties("eforum.mail")
public record MailSettings(
        @DefaultValue("E-Forum <no-reply@eforum.local>") String from,
        String replyTo,
        @DefaultValue("http://localhost:8081") URI publicBaseUrl) {

    public MailSettings {
        // Fail at startup, not at the first mail, when an address is misconfigured.
        fromAddress(from);
        if (replyTo != null && !replyTo.isBlank()) {
            fromAddress(replyTo);
        }
        if (publicBaseUrl == null || !publicBaseUrl.isAbsolute()) {
            throw new IllegalArgumentException("eforum.mail.public-base-url must be an absolute URL");
        }
    }

    public InternetAddress fromAddress() {
        return fromAddress(from);
    }

    /** The configured Reply-To, or null. */
    public InternetAddress replyToAddress() {
        return replyTo == null || replyTo.isBlank() ? null : fromAddress(replyTo);
    }

    private static InternetAddress fromAddress(String value) {
        try {
            // Display names are allowed here (configuration, not user input), but still parsed strictly.
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            return address;
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("eforum.mail: '" + value + "' is not a valid address: " + e.getMessage(), e);
        }
    }
}
