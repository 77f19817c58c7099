package org.eforum.notification.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Recipient addresses from events: exactly one bare address each, parsed strictly, never a display name or a list. */
public final class MailAddresses {

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
}
