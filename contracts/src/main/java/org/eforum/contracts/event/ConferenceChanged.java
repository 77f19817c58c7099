package org.eforum.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conference was created or updated; it carries the whole new state. {@code version} grows with each change.
 * {@code team} is the usernames of the conference's organisers (added in v1 without breaking it: absent in older
 * records, read as no team), so each service can decide who organises the conference without asking
 * registration-service. It is not in the {@link ConferenceSnapshot} that registration events carry: who organises
 * a conference concerns its own topic only.
 */
public record ConferenceChanged(
        UUID eventId,
        Instant occurredAt,
        long version,
        ConferenceSnapshot conference,
        List<String> team) implements ConferenceEvent {

    public ConferenceChanged {
        team = team == null ? List.of() : List.copyOf(team);
    }

    /** A change of a conference whose team is not known (records written before teams existed). */
    public ConferenceChanged(UUID eventId, Instant occurredAt, long version, ConferenceSnapshot conference) {
        this(eventId, occurredAt, version, conference, List.of());
    }
}
