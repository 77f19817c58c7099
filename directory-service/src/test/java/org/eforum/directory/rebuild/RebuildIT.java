package org.eforum.directory.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.cancelled;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.conferenceChanged;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.EmailHash;
import org.eforum.contracts.event.ErasureRequested;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rebuilding from the log gives exactly the directory it replaces: every public and organiser answer, byte for byte. */
class RebuildIT extends AbstractDirectoryIT {

    @Test
    void aRebuildFromTheLogProducesExactlyTheSameDirectory() {
        ConferenceSnapshot forum = conference(unique("rebuild-"), "Before rename");
        String marker = uniqueWord("rb");
        Instant t0 = Instant.now().minusSeconds(600);
        publish(conferenceChanged(conference(forum.id(), "After rename"), 2));
        publish(conferenceChanged(forum, 1));
        // two spellings of one organisation on different keys; the later one is published first
        publishOptedIn(confirmed(unique("reg-"), 1, person("Later", marker).organisation("institute OF " + marker)
                .expertsNetwork(true).build(), forum, t0.plusSeconds(20)));
        publishOptedIn(confirmed(unique("reg-"), 1, person("Earlier", marker).organisation("Institute of " + marker)
                .type(StakeholderType.MEDIA).build(), forum, t0));
        String twice = unique("twice.") + "@example.org";
        String cancelledRegistration = unique("reg-");
        publishOptedIn(confirmed(cancelledRegistration, 1, person("Twice", marker).email(twice).build(), forum, t0));
        publish(cancelled(cancelledRegistration, 3, person("Twice", marker).email(twice).build(), forum,
                t0.plusSeconds(30)));
        publishOptedIn(confirmed(unique("reg-"), 1, person("Twice", marker).email(twice).position("Chair").build(),
                conference(unique("rebuild-"), "Second"), t0.plusSeconds(40)));
        // Someone who only knows Twice's address registers it under another name, asking for the experts' network,
        // and someone else asks to be listed: neither confirms, so neither is public, before or after the rebuild.
        publish(confirmed(unique("reg-"), 1, person("Impostor", marker).email(twice.toUpperCase()).listed(false)
                .expertsNetwork(true).organisation("Fake " + marker).build(), forum, t0.plusSeconds(60)));
        publish(confirmed(unique("reg-"), 1, person("Unconfirmed", marker).expertsNetwork(true)
                .organisation("Pending " + marker).build(), forum, t0.plusSeconds(70)));
        String erased = unique("gone.") + "@example.org";
        publishOptedIn(confirmed(unique("reg-"), 1, person("Gone", marker).email(erased).organisation("Solo " + marker)
                .build(), forum, t0));
        publish(new ErasureRequested(UUID.randomUUID(), t0.plusSeconds(50), EmailHash.of(erased), "operator"));
        awaitAllConsumed();
        List<String> before = snapshot(forum.id());
        assertThat(before.get(0)).contains("Earlier", "Later", "Twice", "Chair")
                .doesNotContain("Gone", "Impostor", "Unconfirmed", "Fake " + marker, "Pending " + marker);
        assertThat(before.get(1)).doesNotContain("Impostor", "Unconfirmed", "Fake " + marker, "Pending " + marker);
        assertThat(before.get(2)).contains("Later").doesNotContain("Twice", "Impostor", "Unconfirmed");
        assertThat(before.get(3)).as("the organisers see everyone registered").contains("Unconfirmed", "Twice")
                .doesNotContain("Gone");

        assertThat(post("/api/directory/rebuild", null, null).status()).isEqualTo(401);
        assertThat(post("/api/directory/rebuild", ORGANISER, ORGANISER_PASSWORD).status()).isEqualTo(403);
        Response started = post("/api/directory/rebuild", OPERATOR, OPERATOR_PASSWORD);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("target").size()).isEqualTo(9);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = get("/api/directory/rebuild", OPERATOR, OPERATOR_PASSWORD).json();
            return status.get("remaining").isNumber() && status.get("remaining").asLong() == 0;
        });
        awaitAllConsumed();

        assertThat(snapshot(forum.id())).isEqualTo(before);
    }

    /** Every page of every public listing, and the organiser's list of one conference. */
    private List<String> snapshot(String conferenceId) {
        List<String> answers = new ArrayList<>();
        for (String listing : List.of("stakeholders", "organisations", "experts")) {
            StringBuilder all = new StringBuilder();
            int page = 0;
            JsonNode answer;
            do {
                answer = get("/api/directory/" + listing + "?size=100&page=" + page++).json();
                all.append(answer.get("items").toString());
            } while (answer.get("items").size() == 100);
            answers.add(all.toString());
        }
        answers.add(get("/api/directory/conferences/" + conferenceId + "/participants", ORGANISER, ORGANISER_PASSWORD)
                .body());
        return answers;
    }
}
