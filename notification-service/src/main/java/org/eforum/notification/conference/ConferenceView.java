package org.eforum.notification.conference;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eforum.contracts.event.OrganiserNotifications;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest known state of a conference, as far as mail needs it.
 *
 * @param version the {@code ConferenceChanged} version it reflects; lower versions are ignored
 * @param team    the usernames of the conference's organisers, who may read its delivery log (empty when unknown)
 */
@Document("conferences")
public record ConferenceView(
        @Id String id,
        long version,
        Map<String, String> title,
        List<String> languages,
        String contactName,
        String contactEmail,
        List<String> cc,
        OrganiserNotifications organiserNotifications,
        Instant changedAt,
        List<String> team) {

    public ConferenceView {
        team = team == null ? List.of() : List.copyOf(team);
    }

    public boolean hasOrganiser(String username) {
        return team.contains(username);
    }

    OrganiserRouting routing() {
        return new OrganiserRouting(id, organiserNotifications, OrganiserRouting.mainLanguage(languages), contactName,
                contactEmail, cc, true);
    }
}
