package org.eforum.directory.conference;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the directory keeps of a conference; {@code version} is the one of the newest ConferenceChanged applied, and
 * {@code team} the usernames of its organisers from that event (empty when it named none), who alone may read its
 * participants.
 */
@Document(Conference.COLLECTION)
public record Conference(
        @Id String id,
        Map<String, String> title,
        LocalDate startDate,
        LocalDate endDate,
        String city,
        String country,
        long version,
        List<String> team) {

    public static final String COLLECTION = "conferences";

    public Conference {
        // sorted by language, so the same title always serialises the same way (a rebuild compares equal)
        title = title == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(title));
        team = team == null ? List.of() : List.copyOf(team);
    }

    static Conference of(ConferenceSnapshot snapshot, long version, List<String> team) {
        return new Conference(snapshot.id(), snapshot.title(), snapshot.startDate(), snapshot.endDate(),
                snapshot.city(), snapshot.country(), version, team);
    }

    public boolean hasOrganiser(String username) {
        return team.contains(username);
    }
}
