package org.eforum.directory.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.directory.AbstractDirectoryIT;
import org.eforum.directory.Fixtures;
import org.junit.jupiter.api.Test;

class SecurityIT extends AbstractDirectoryIT {

    @Test
    void theParticipantListIsForOrganisersOnly() {
        ConferenceSnapshot forum = conference(unique("secure-"), "Forum");
        organisedBy(forum, ORGANISER);
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Olga", "Stoeva").build(), forum));
        String participants = "/api/directory/conferences/" + forum.id() + "/participants";

        Response anonymous = get(participants);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.wwwAuthenticate()).startsWith("Basic");
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Stoeva");

        assertThat(get(participants, ORGANISER, "wrong").status()).isEqualTo(401);

        Response operator = get(participants, OPERATOR, OPERATOR_PASSWORD);
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.contentType()).startsWith("application/problem+json");

        Response organiser = get(participants, ORGANISER, ORGANISER_PASSWORD);
        assertThat(organiser.status()).isEqualTo(200);
        assertThat(organiser.body()).contains("Stoeva");
    }

    @Test
    void onlyTheConferencesTeamReadsItsParticipants() {
        ConferenceSnapshot forum = conference(unique("team-"), "Team Forum");
        publishAndAwait(confirmed(unique("reg-"), person("Rada", "Teamova").build(), forum));
        String participants = "/api/directory/conferences/" + forum.id() + "/participants";

        Response unknownTeam = get(participants, ORGANISER, ORGANISER_PASSWORD);
        assertThat(unknownTeam.status()).as("no conference event read yet: no team").isEqualTo(403);
        assertThat(unknownTeam.contentType()).startsWith("application/problem+json");
        assertThat(unknownTeam.body()).doesNotContain("Teamova");

        organisedBy(forum, ORGANISER);
        Response outside = get(participants, ORGANISER2, ORGANISER_PASSWORD);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body()).doesNotContain("Teamova");
        assertThat(get(participants, ORGANISER, ORGANISER_PASSWORD).body()).contains("Teamova");

        publishAndAwait(new ConferenceChanged(UUID.randomUUID(), Instant.now(), 2, forum,
                List.of(ORGANISER, ORGANISER2)));
        assertThat(get(participants, ORGANISER2, ORGANISER_PASSWORD).body()).contains("Teamova");

        publishAndAwait(new ConferenceChanged(UUID.randomUUID(), Instant.now(), 3, forum, List.of(ORGANISER2)));
        assertThat(get(participants, ORGANISER, ORGANISER_PASSWORD).status()).isEqualTo(403);
    }

    @Test
    void aRebuildACrossSitePageCouldMakeTheBrowserAskForIsRefused() {
        String operator = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (OPERATOR + ":" + OPERATOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Object before = get("/api/directory/rebuild", OPERATOR, OPERATOR_PASSWORD).json().get("startedAt");

        // What a form or an image on another site makes a browser send, with the Basic login it has cached.
        Response bare = send(HttpRequest.newBuilder(uri("/api/directory/rebuild")).header("Authorization", operator)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        Response form = send(HttpRequest.newBuilder(uri("/api/directory/rebuild")).header("Authorization", operator)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build());

        for (Response refused : java.util.List.of(bare, form)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("Content-Type: application/json");
        }
        assertThat(get("/api/directory/rebuild", OPERATOR, OPERATOR_PASSWORD).json().get("startedAt"))
                .as("no rebuild started").isEqualTo(before);
    }

    @Test
    void anUnknownConferenceIsA404ForTheOrganiser() {
        Response response = get("/api/directory/conferences/" + unique("nowhere-") + "/participants", ORGANISER,
                ORGANISER_PASSWORD);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void operatorsScrapeTheDirectorysSizeAndNobodyElseDoes() {
        publishOptedInAndAwait(Fixtures.confirmed(unique("reg-"), Fixtures.person("Mira", "Scrape").build(),
                Fixtures.conference(unique("metrics-"), "Metrics")));

        Response scraped = get("/actuator/prometheus", OPERATOR, OPERATOR_PASSWORD);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).containsPattern("eforum_directory_people\\{[^}]*scope=\"listed\"[^}]*\\} [1-9]")
                .contains("eforum_directory_organisations");
        assertThat(get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", ORGANISER, ORGANISER_PASSWORD).status()).isEqualTo(403);
    }

    @Test
    void theDirectoryAndHealthArePublicAndEverythingElseIsNot() {
        assertThat(get("/api/directory/stakeholders").status()).isEqualTo(200);
        assertThat(get("/api/directory/organisations").status()).isEqualTo(200);
        assertThat(get("/actuator/health").body()).contains("\"UP\"");
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(get("/actuator/env").status()).isEqualTo(401);
        assertThat(get("/api/directory/anything-else").status()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/api/directory/stakeholders"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build())
                .status()).isEqualTo(401);
    }
}
