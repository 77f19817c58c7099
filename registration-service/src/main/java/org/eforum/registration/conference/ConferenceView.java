package org.eforum.registration.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eforum.contracts.event.Contact;
import org.eforum.contracts.event.OrganiserNotifications;

/**
 * A conference as the API shows it, with its live seat count. The cc addresses are the organisers' own and are
 * shown to organisers only ({@code null}, hence absent, for the public), and so is the team (the usernames of the
 * conference's organisers). {@code questions} are the conference's own questions ({@link Question}).
 * {@code moderated}: the organisers approve each registration before it takes a seat.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConferenceView(
        String id,
        Map<String, String> title,
        Map<String, String> venue,
        LocalDate startDate,
        LocalDate endDate,
        String city,
        String country,
        int capacity,
        Instant registrationOpens,
        Instant registrationCloses,
        boolean registrationOpen,
        List<String> languages,
        Contact contact,
        List<String> cc,
        OrganiserNotifications organiserNotifications,
        int seatsLeft,
        int waitlistLength,
        List<String> team,
        Map<String, String> description,
        List<Question> questions,
        boolean moderated) {

    /** With every question, the retired ones too (their answers may still be read). */
    static ConferenceView forOrganiser(Conference c, Instant now) {
        return of(c, now, c.cc(), c.team(), c.questions());
    }

    /** With the questions the form asks, each with the options it offers. */
    static ConferenceView forPublic(Conference c, Instant now) {
        List<Question> asked = c.activeQuestions().stream().map(q -> new Question(q.id(), q.kind(), q.label(),
                q.activeOptions(), q.required(), q.onlyFor(), false)).toList();
        return of(c, now, null, null, asked);
    }

    private static ConferenceView of(Conference c, Instant now, List<String> cc, List<String> team,
            List<Question> questions) {
        return new ConferenceView(c.id(), c.title(), c.venue(), c.startDate(), c.endDate(), c.city(), c.country(),
                c.capacity(), c.registrationOpens(), c.registrationCloses(), c.window().isOpen(now), c.languages(),
                c.contact(), cc, c.organiserNotifications(), c.seatsLeft(), c.waitlistLength(), team,
                c.description(), questions, c.isModerated());
    }
}
