package org.eforum.directory.conference;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the directory keeps of a conference; {@code version} is the one of the newest ConferenceChanged applied. */
@Document(Conference.COLLECTION)
public record Conference(
        @Id String id,
        Map<String, String> title,
        LocalDate startDate,
        LocalDate endDate,
        String city,
        String country,
        long version) {

    public static final String COLLECTION = "conferences";

    public Conference {
        // sorted by language, so the same title always serialises the same way (a rebuild compares equal)
        title = title == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(title));
    }

    static Conference of(ConferenceSnapshot snapshot, long version) {
        return new Conference(snapshot.id(), snapshot.title(), snapshot.startDate(), snapshot.endDate(),
                snapshot.city(), snapshot.country(), version);
    }
}
