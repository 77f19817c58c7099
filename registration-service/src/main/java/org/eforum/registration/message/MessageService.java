package org.eforum.registration.message;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eforum.registration.conference.Conference;
import org.eforum.registration.registration.OrganiserMessage;
import org.eforum.registration.registration.ParticipantMessages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Writes to a conference's participants. The message needs a subject and a body in every language of the
 * conference (a participant gets the one in their language), and none in another. It is stored first, then handed
 * to each recipient registration ({@link ParticipantMessages}); its id makes a second send of the same message (a
 * double click, a reload of the confirmation) a no-op.
 */
@Service
public class MessageService {

    /** Why a text of the message does not fit the conference's languages. */
    public enum LanguageProblem {
        MISSING("is required in every language of the conference"),
        NOT_A_CONFERENCE_LANGUAGE("is not a language of the conference");

        private final String message;

        LanguageProblem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** What was sent, and whether this call sent it (false: it had been sent with this id already). */
    public record Sent(ConferenceMessage message, boolean now) {
    }

    private final ConferenceMessages messages;
    private final ParticipantMessages participants;
    private final Clock clock;

    MessageService(ConferenceMessages messages, ParticipantMessages participants, Clock clock) {
        this.messages = messages;
        this.participants = participants;
        this.clock = clock;
    }

    /** The texts that do not fit the conference's languages, by field ({@code subject.en}); empty when all do. */
    public Map<String, LanguageProblem> languageProblems(Conference conference, MessageRequest request) {
        Map<String, LanguageProblem> problems = new LinkedHashMap<>();
        check("subject", request.subject(), conference.languages(), problems);
        check("body", request.body(), conference.languages(), problems);
        return problems;
    }

    /** How many participants the audience counts now. */
    public long recipients(Conference conference, Audience audience) {
        return participants.count(conference, audience.statuses());
    }

    /**
     * Stores the message and hands it to the audience's registrations.
     *
     * @throws MessageLanguagesException when the texts do not fit the conference's languages
     */
    public Sent send(Conference conference, MessageRequest request, String id, String sentBy) {
        Map<String, LanguageProblem> problems = languageProblems(conference, request);
        if (!problems.isEmpty()) {
            throw new MessageLanguagesException(problems);
        }
        ConferenceMessage message = new ConferenceMessage(id, conference.id(), request.audience(),
                stripped(request.subject()), stripped(request.body()), sentBy, clock.instant(), null, true);
        try {
            messages.insert(message);
        } catch (DuplicateKeyException sentAlready) {
            return new Sent(messages.find(id).orElse(message), false);
        }
        return new Sent(handOver(conference, message), true);
    }

    /**
     * Hands the message to every registration of its audience that does not have it yet and records the count:
     * the send itself, and {@link MessageHandover}'s resumption of one a stopped process left unfinished.
     */
    ConferenceMessage handOver(Conference conference, ConferenceMessage message) {
        participants.send(conference, message.audience().statuses(),
                new OrganiserMessage(message.id(), message.subject(), message.body()));
        int handed = (int) participants.countHanded(conference, message.id());
        messages.handedToAll(message.id(), handed);
        return message.withRecipients(handed);
    }

    /** The conference's message of that id (another conference's is none). */
    public java.util.Optional<ConferenceMessage> find(Conference conference, String id) {
        return messages.find(id).filter(message -> message.conferenceId().equals(conference.id()));
    }

    public List<ConferenceMessage> of(Conference conference) {
        return messages.ofConference(conference.id());
    }

    private static void check(String field, Map<String, String> texts, List<String> languages,
            Map<String, LanguageProblem> problems) {
        Set<String> given = texts == null ? Set.of() : texts.keySet();
        for (String language : languages) {
            if (!given.contains(language)) {
                problems.put(field + "." + language, LanguageProblem.MISSING);
            }
        }
        for (String language : given) {
            if (!languages.contains(language)) {
                problems.put(field + "." + language, LanguageProblem.NOT_A_CONFERENCE_LANGUAGE);
            }
        }
    }

    private static Map<String, String> stripped(Map<String, String> texts) {
        Map<String, String> stripped = new LinkedHashMap<>();
        // One kind of line break, whatever the browser or client sent (a form posts CR LF).
        texts.forEach((language, text) -> stripped.put(language, text.strip().replace("\r\n", "\n").replace('\r', '\n')));
        return stripped;
    }
}
