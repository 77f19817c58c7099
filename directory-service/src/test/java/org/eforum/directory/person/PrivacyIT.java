package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.util.List;

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
        people.forEach(p -> publish(confirmed(unique("reg-"), p, forum)));
        await().atMost(PROJECTED_WITHIN).until(() -> get("/api/directory/stakeholders?q=" + encode(organisation))
                .json().get("total").asInt() == 2);

        List<String> publicAnswers = List.of(
                get("/api/directory/stakeholders?size=100").body(),
                get("/api/directory/stakeholders?q=" + encode(organisation)).body(),
                get("/api/directory/organisations?size=100").body(),
                get("/api/directory/organisations?q=" + encode(organisation)).body());

        assertThat(publicAnswers).allSatisfy(body -> {
            assertThat(body).doesNotContain("@", "Hidden");
            people.forEach(p -> assertThat(body.toLowerCase()).doesNotContain(p.email().toLowerCase()));
        });
    }
}
