package org.eforum.registration.registration;

import java.util.List;
import java.util.Map;

/**
 * What the organisers write to participants, as the registrations need it: its id and its subject and body by
 * language (one text per language of the conference).
 */
public record OrganiserMessage(String id, Map<String, String> subject, Map<String, String> body) {

    public OrganiserMessage {
        subject = Map.copyOf(subject);
        body = Map.copyOf(body);
    }

    /** The participant's language when the message is written in it, else the first of the conference's that is. */
    String languageFor(String participantLanguage, List<String> conferenceLanguages) {
        if (subject.containsKey(participantLanguage) && body.containsKey(participantLanguage)) {
            return participantLanguage;
        }
        return conferenceLanguages.stream().filter(subject::containsKey).filter(body::containsKey).findFirst()
                .orElseGet(() -> subject.keySet().stream().filter(body::containsKey).sorted().findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("message " + id + " has no text")));
    }
}
