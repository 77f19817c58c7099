package org.eforum.registration.conference;

import java.util.List;

/** A conference's team as its organisers see it. */
public record TeamView(String conferenceId, List<String> organisers) {

    static TeamView of(Conference conference) {
        return new TeamView(conference.id(), conference.team());
    }
}
