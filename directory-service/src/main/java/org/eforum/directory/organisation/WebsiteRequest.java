package org.eforum.directory.organisation;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * An organiser's setting of an organisation's website: an absolute http(s) address of at most 300 characters,
 * or null to remove it. Anything else (a {@code javascript:} link, spaces, control characters) is refused.
 */
record WebsiteRequest(String website) {

    static final int MAX_LENGTH = 300;

    boolean removes() {
        return website == null || website.isBlank();
    }

    boolean isValid() {
        if (removes()) {
            return true;
        }
        String value = website.strip();
        if (value.length() > MAX_LENGTH || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
