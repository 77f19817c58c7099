package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExpertsIT extends AbstractDirectoryIT {

    private final ConferenceSnapshot forum = conference(unique("experts-"), "Experts Forum");

    @Test
    void membersAreThoseWhoOptedInWithOrganisationAndTypeAndNoEmail() {
        String marker = uniqueWord("net");
        Participant listedMember = person("Radka", marker).organisation("Bureau " + marker)
                .type(StakeholderType.ACADEMIA).country("RO").expertsNetwork(true).build();
        Participant unlistedMember = person("Boyan", marker).organisation("Bureau " + marker)
                .type(StakeholderType.MEDIA).listed(false).expertsNetwork(true).build();
        Participant listedOnly = person("Tsvetan", marker).organisation("Bureau " + marker).build();
        List.of(listedMember, unlistedMember, listedOnly).forEach(p -> publishOptedIn(confirmed(unique("reg-"), p, forum)));

        await().atMost(PROJECTED_WITHIN).until(() -> experts("q=" + marker).get("total").asInt() == 2);

        JsonNode page = experts("q=" + marker);
        assertThat(names(page)).containsExactly("Boyan " + marker, "Radka " + marker);
        JsonNode radka = page.get("items").get(1);
        assertThat(radka.get("organisation").asString()).isEqualTo("Bureau " + marker);
        assertThat(radka.get("stakeholderType").asString()).isEqualTo("ACADEMIA");
        assertThat(radka.get("country").asString()).isEqualTo("RO");
        assertThat(radka.get("id").asString()).isNotBlank();
        assertThat(page.toString()).doesNotContain("@", "Tsvetan", "position");
        assertThat(names(experts("q=" + marker + "&type=MEDIA"))).containsExactly("Boyan " + marker);
        assertThat(names(experts("q=" + marker + "&country=ro"))).containsExactly("Radka " + marker);
        assertThat(get("/api/directory/experts?type=NOPE").status()).isEqualTo(400);
    }

    @Test
    void aLaterRegistrationWithoutTheNetworkConsentLeavesTheNetwork() {
        String marker = uniqueWord("leave");
        String email = unique("leaver.") + "@example.org";
        Instant now = Instant.now();
        publishOptedInAndAwait(confirmed(unique("reg-"), 1, person("Leni", marker).email(email).expertsNetwork(true).build(),
                forum, now.minusSeconds(60)));
        assertThat(experts("q=" + marker).get("total").asInt()).isEqualTo(1);

        publishOptedInAndAwait(confirmed(unique("reg-"), 1, person("Leni", marker).email(email).expertsNetwork(false)
                .build(), conference(unique("later-"), "Later"), now));

        assertThat(experts("q=" + marker).get("total").asInt()).isZero();
    }

    private JsonNode experts(String query) {
        Response response = get("/api/directory/experts?" + query);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("firstName").asString() + " " + i.get("lastName").asString()));
        return names;
    }
}
