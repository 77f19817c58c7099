package org.eforum.notification.registration;

import java.net.URI;
import java.util.Locale;

import org.eforum.notification.mail.UndeliverableMailException;

/**
 * The participant's link from the event, made absolute against the public base URL when it is relative.
 * Only http(s) links reach a mail: anything else would be a bug upstream, and a link must never become script.
 */
final class SelfServiceUrl {

    private SelfServiceUrl() {
    }

    static String resolve(URI publicBaseUrl, String link) {
        if (link == null || link.isBlank()) {
            throw new UndeliverableMailException("the event has no self-service link", null);
        }
        URI uri;
        try {
            uri = URI.create(link.trim());
        } catch (IllegalArgumentException e) {
            throw new UndeliverableMailException("the self-service link is not a URI: " + e.getMessage(), e);
        }
        if (!uri.isAbsolute()) {
            uri = publicBaseUrl.resolve(uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UndeliverableMailException("the self-service link is not an http(s) URL", null);
        }
        return uri.toString();
    }
}
