package org.eforum.directory.person;

import java.util.List;

/** The organiser's list of a conference's participants, one page of people. */
public record ParticipantsView(ConferenceRef conference, List<ParticipantView> items, int page, int size,
        long total) {
}
