package org.eforum.directory.person;

import java.util.Map;

import org.eforum.directory.conference.Conference;

/** A conference as a participation shows it: the current title when the conference is known, else the one the event carried. */
public record ConferenceRef(String id, Map<String, String> title) {

    static ConferenceRef of(Participation participation, Map<String, Conference> known) {
        Conference conference = known.get(participation.conferenceId());
        return new ConferenceRef(participation.conferenceId(),
                conference != null ? conference.title() : participation.conferenceTitle());
    }
}
