package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.util.List;
import java.util.Map;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Participant;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;

class PrivacyIT extends AbstractDirectoryIT {

    @Test
    void noPublicAnswerContainsAnEmailAddress() {
        ConferenceSnapshot forum = conference(unique("forum-"), "Forum");
        String organisation = uniqueWord("Network ");
        List<Participant> people = List.of(
                person("Stoyan", "Dimov").organisation(organisation).email(unique("Stoyan.Dimov+") + "@Example.org")
                        .expertsNetwork(true).build(),
                person("Rada", "Koleva").organisation(organisation).email(unique("rada_") + "@mail.example.bg").build(),
                person("Hidden", "Person").organisation(organisation).listed(false).build());
        people.forEach(p -> publishOptedIn(confirmed(unique("reg-"), p, forum)));
        await().atMost(PROJECTED_WITHIN).until(() -> get("/api/directory/stakeholders?q=" + encode(organisation))
                .json().get("total").asInt() == 2);

        // Each public answer is a real listing (200, the listed people in it), and none of them shows an address
        // or the person who did not consent to be listed.
        Map<String, List<String>> expectedNames = Map.of(
                "/api/directory/stakeholders?q=" + encode(organisation), List.of("Stoyan", "Rada"),
                "/api/directory/organisations?q=" + encode(organisation), List.of(organisation.strip()),
                "/api/directory/experts?q=" + encode("Stoyan Dimov"), List.of("Stoyan"),
                "/api/directory/stakeholders?size=100", List.of(),
                "/api/directory/organisations?size=100", List.of(),
                "/api/directory/experts?size=100", List.of());

        expectedNames.forEach((path, names) -> {
            Response answer = get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            names.forEach(name -> assertThat(answer.body()).as(path).contains(name));
            assertThat(answer.body()).as(path).doesNotContain("@", "Hidden");
            people.forEach(p -> assertThat(answer.body().toLowerCase()).as(path)
                    .doesNotContain(p.email().toLowerCase()));
        });
    }
}
