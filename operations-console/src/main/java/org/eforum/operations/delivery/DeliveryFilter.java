package org.eforum.operations.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the operator filters the deliveries by; every field optional. {@link #problems()} names each bad field, so the
 * page can say so beside it instead of asking notification-service.
 */
public record DeliveryFilter(String conferenceId, String status, String recipient) {

    static final Set<String> STATUSES = Set.of("SENT", "RETRYING", "FAILED");

    public DeliveryFilter {
        conferenceId = blankToNull(conferenceId);
        status = blankToNull(status);
        recipient = blankToNull(recipient);
    }

    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (conferenceId != null && !conferenceId.matches("[a-z0-9-]{1,64}")) {
            problems.put("conferenceId", "A conference id is 1 to 64 lower-case letters, digits and hyphens.");
        }
        if (status != null && !STATUSES.contains(status)) {
            problems.put("status", "Choose SENT, RETRYING or FAILED.");
        }
        if (recipient != null && (recipient.length() > 320 || recipient.chars().anyMatch(Character::isISOControl))) {
            problems.put("recipient", "Type part of an e-mail address (at most 320 characters).");
        }
        return problems;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
