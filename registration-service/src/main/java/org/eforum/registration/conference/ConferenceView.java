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
 * conference's organisers).
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
        Map<String, String> description) {

    static ConferenceView forOrganiser(Conference c, Instant now) {
        return of(c, now, c.cc(), c.team());
    }

    static ConferenceView forPublic(Conference c, Instant now) {
        return of(c, now, null, null);
    }

    private static ConferenceView of(Conference c, Instant now, List<String> cc, List<String> team) {
        return new ConferenceView(c.id(), c.title(), c.venue(), c.startDate(), c.endDate(), c.city(), c.country(),
                c.capacity(), c.registrationOpens(), c.registrationCloses(), c.window().isOpen(now), c.languages(),
                c.contact(), cc, c.organiserNotifications(), c.seatsLeft(), c.waitlistLength(), team,
                c.description());
    }
}
