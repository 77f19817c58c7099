package org.eforum.notification.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recipient addresses from events: exactly one bare address each, parsed strictly, never a display name or a list. */
public final class MailAddresses {

    private static final Logger log = LoggerFactory.getLogger(MailAddresses.class);

    private MailAddresses() {
    }

    public static InternetAddress parse(String value) {
        if (value == null || value.isBlank()) {
            throw new UndeliverableMailException("no address", null);
        }
        String trimmed = value.trim();
        if (trimmed.chars().anyMatch(c -> c < 0x21 || c == 0x7F)) {
            throw new UndeliverableMailException("address contains whitespace or control characters", null);
        }
        try {
            InternetAddress address = new InternetAddress(trimmed, true);
            address.validate();
            // "a@b.org, evil@x.org" or "Name <a@b.org>" would parse as something else than one bare address.
            if (address.getPersonal() != null || !trimmed.equals(address.getAddress()) || trimmed.indexOf('@') < 1) {
                throw new AddressException("not a single bare address", trimmed);
            }
            return address;
        } catch (AddressException e) {
            throw new UndeliverableMailException("invalid address '" + trimmed + "': " + e.getMessage(), e);
        }
    }

    /**
     * The Cc of an organiser mail: every valid address once (case-insensitively), without the one in To; an
     * invalid address is logged and left out rather than failing the mail.
     */
    public static List<InternetAddress> ccList(List<String> cc, InternetAddress to, String conferenceId) {
        Map<String, InternetAddress> unique = new LinkedHashMap<>();
        for (String value : cc) {
            try {
                InternetAddress address = parse(value);
                unique.putIfAbsent(address.getAddress().toLowerCase(Locale.ROOT), address);
            } catch (UndeliverableMailException e) {
                log.warn("Conference {}: leaving an invalid cc address out of the organiser mail: {}", conferenceId,
                        e.getMessage());
            }
        }
        unique.remove(to.getAddress().toLowerCase(Locale.ROOT));
        return new ArrayList<>(unique.values());
    }
}
