package org.eforum.registration.conference;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * On the local stack {@code organiser} organises the demo conferences: a store kept from before teams existed has
 * conferences without a team, which are given {@code organiser} (with the event that tells the other services).
 * A deployment's operator gives such conferences their teams with {@code PUT /api/conferences/{id}/team}.
 */
@Component
@Profile("local")
class LocalTeams implements SmartInitializingSingleton {

    private final ConferenceService conferences;

    LocalTeams(ConferenceService conferences) {
        this.conferences = conferences;
    }

    @Override
    public void afterSingletonsInstantiated() {
        conferences.all().stream().filter(conference -> conference.team().isEmpty())
                .forEach(conference -> conferences.changeTeam(conference.id(), List.of("organiser")));
    }
}
