package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.util.ArrayList;
import java.util.List;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StakeholderSearchIT extends AbstractDirectoryIT {

    private final ConferenceSnapshot forum = conference(unique("forum-"), "Migration Forum");

    @Test
    void aConsentingPersonIsFoundByNameInEitherScriptAndWithoutDiacritics() {
        String organisation = "Институт " + uniqueWord("q");
        Participant ivan = person("Иван", "Петров").organisation(organisation).type(StakeholderType.ACADEMIA)
                .position("Researcher").expertsNetwork(true).build();
        Participant jose = person("José", "Álvarez Núñez").organisation(organisation).country("ES").build();
        publishOptedIn(confirmed(unique("reg-"), ivan, forum));
        publishOptedIn(confirmed(unique("reg-"), jose, forum));

        await().atMost(PROJECTED_WITHIN).until(() -> names(search("q=" + encode(organisation))).size() == 2);

        assertThat(names(search("q=" + encode("иван") + "&size=100"))).contains("Иван Петров");
        assertThat(names(search("q=petrov&size=100"))).contains("Иван Петров");
        assertThat(names(search("q=" + encode("ПЕТР ив") + "&size=100"))).contains("Иван Петров");
        assertThat(names(search("q=Jose&size=100"))).contains("José Álvarez Núñez");
        assertThat(names(search("q=nunez+alv&size=100"))).contains("José Álvarez Núñez");
        assertThat(names(search("q=" + encode("jose petrov " + organisation)))).isEmpty();

        JsonNode found = search("q=" + encode("иван " + organisation));
        assertThat(found.get("total").asInt()).isEqualTo(1);
        JsonNode stakeholder = found.get("items").get(0);
        assertThat(stakeholder.get("id").asString()).isNotBlank().doesNotContain("@");
        assertThat(stakeholder.get("organisation").asString()).isEqualTo(organisation);
        assertThat(stakeholder.get("stakeholderType").asString()).isEqualTo("ACADEMIA");
        assertThat(stakeholder.get("country").asString()).isEqualTo("BG");
        assertThat(stakeholder.get("position").asString()).isEqualTo("Researcher");
        assertThat(stakeholder.get("expertsNetwork").asBoolean()).isTrue();
        assertThat(stakeholder.get("conferences").get(0).get("id").asString()).isEqualTo(forum.id());
        assertThat(stakeholder.get("conferences").get(0).get("title").get("en").asString())
                .isEqualTo("Migration Forum");
    }

    @Test
    void aPersonWhoDidNotConsentIsHiddenFromThePublicButNotFromTheOrganiser() {
        String surname = uniqueWord("hidden");
        Participant hidden = person("Vera", surname).listed(false).build();
        organisedBy(forum, ORGANISER);
        publishOptedInAndAwait(confirmed(unique("reg-"), hidden, forum));

        assertThat(search("q=" + surname).get("total").asInt()).isZero();
        JsonNode participants = get("/api/directory/conferences/" + forum.id() + "/participants", ORGANISER,
                ORGANISER_PASSWORD).json();
        assertThat(participants.get("items")).anySatisfy(p -> {
            assertThat(p.get("lastName").asString()).isEqualTo(surname);
            assertThat(p.get("email").asString()).isEqualTo(hidden.email());
            assertThat(p.get("listInDirectory").asBoolean()).isFalse();
            assertThat(p.get("registrations").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        });
    }

    @Test
    void typeAndCountryNarrowTheListAndPagesAreCounted() {
        String organisation = uniqueWord("Lab ");
        publishOptedIn(confirmed(unique("reg-"), person("Anna", "Berg").organisation(organisation)
                .type(StakeholderType.ACADEMIA).country("DE").build(), forum));
        publishOptedIn(confirmed(unique("reg-"), person("Luc", "Moreau").organisation(organisation)
                .type(StakeholderType.MEDIA).country("FR").build(), forum));
        publishOptedIn(confirmed(unique("reg-"), person("Marc", "Lefevre").organisation(organisation)
                .type(StakeholderType.MEDIA).country("FR").build(), forum));
        String q = "q=" + encode(organisation);
        await().atMost(PROJECTED_WITHIN).until(() -> search(q).get("total").asInt() == 3);

        assertThat(names(search(q + "&type=ACADEMIA"))).containsExactly("Anna Berg");
        assertThat(names(search(q + "&country=fr"))).containsExactly("Marc Lefevre", "Luc Moreau");
        JsonNode secondPage = search(q + "&size=2&page=1");
        assertThat(names(secondPage)).containsExactly("Luc Moreau");
        assertThat(secondPage.get("page").asInt()).isEqualTo(1);
        assertThat(secondPage.get("size").asInt()).isEqualTo(2);
        assertThat(secondPage.get("total").asInt()).isEqualTo(3);
    }

    @Test
    void badParametersAreA400ProblemNamingEachOne() {
        Response response = get("/api/directory/stakeholders?page=-1&size=1000&type=WIZARD&country=XX");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("page", "size", "type", "country");
        assertThat(response.body()).doesNotContain("WIZARD\"", "XX\"");

        assertThat(get("/api/directory/stakeholders?page=abc").status()).isEqualTo(400);
        assertThat(get("/api/directory/stakeholders?q=" + "x".repeat(201)).status()).isEqualTo(400);
        assertThat(get("/api/directory/organisations?type=nobody").status()).isEqualTo(400);
    }

    @Test
    void aQueryIsNeverReadAsAPattern() {
        Response response = get("/api/directory/stakeholders?q=" + encode(".* ( [ \\ ^$ +? {2}"));

        assertThat(response.status()).isEqualTo(200);
    }

    private JsonNode search(String query) {
        Response response = get("/api/directory/stakeholders?" + query);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("firstName").asString() + " " + i.get("lastName").asString()));
        return names;
    }
}
