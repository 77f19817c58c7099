package org.eforum.directory.organisation;

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
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrganisationsIT extends AbstractDirectoryIT {

    private final ConferenceSnapshot forum = conference(unique("forum-"), "Forum");

    @Test
    void spellingsOfOneOrganisationInOneCountryAreOneOrganisation() {
        // Malta is used by no other test, so the ministry below is the only one there.
        publishOptedIn(confirmed(unique("reg-"), person("Joseph", "Camilleri").organisation("Ministry of Interior")
                .country("MT").type(StakeholderType.GOVERNMENT_INSTITUTION).build(), forum));
        publishOptedIn(confirmed(unique("reg-"), person("Maria", "Borg").organisation("ministry of  interior ")
                .country("mt").type(StakeholderType.GOVERNMENT_INSTITUTION).build(), forum));
        publishOptedIn(confirmed(unique("reg-"), person("Paul", "Vella").organisation("Ministry of Interior")
                .country("MT").listed(false).build(), forum));
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Anna", "Grech").organisation("Ministry of Interior")
                .country("IT").build(), forum));

        await().atMost(PROJECTED_WITHIN).until(() -> organisations("q=ministry+interior&country=MT").get("items")
                .size() == 1 && people(organisations("q=ministry+interior&country=MT").get("items").get(0)).size() == 2);

        JsonNode ministry = organisations("q=" + encode("MINISTRY of interior!") + "&country=MT").get("items").get(0);
        assertThat(ministry.get("name").asString()).isIn("Ministry of Interior", "ministry of interior");
        assertThat(ministry.get("country").asString()).isEqualTo("MT");
        assertThat(ministry.get("stakeholderTypes").get(0).asString()).isEqualTo("GOVERNMENT_INSTITUTION");
        assertThat(people(ministry)).containsExactly("Maria Borg", "Joseph Camilleri");
        assertThat(ministry.toString()).doesNotContain("Vella", "@");
    }

    @Test
    void anOrganiserSetsAWebsiteThatThePublicViewsLinkAndOnlyOrganisersMayChange() {
        String name = uniqueWord("Migrant Support Network ");
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Lina", "Haddad").organisation(name).build(), forum));
        JsonNode organisation = organisations("q=" + encode(name)).get("items").get(0);
        String path = "/api/directory/organisations/" + organisation.get("id").asString() + "/website";
        assertThat(organisation.get("website").isNull()).isTrue();

        assertThat(put(path, "{\"website\": \"https://msn.example.org\"}", null, null).status()).isEqualTo(401);
        assertThat(put(path, "{\"website\": \"javascript:alert(1)\"}", ORGANISER, ORGANISER_PASSWORD).status())
                .isEqualTo(400);
        assertThat(put("/api/directory/organisations/no-such-organisation/website",
                "{\"website\": \"https://msn.example.org\"}", ORGANISER, ORGANISER_PASSWORD).status()).isEqualTo(404);
        assertThat(put(path, "{\"website\": \"https://msn.example.org\"}", ORGANISER, ORGANISER_PASSWORD).status())
                .isEqualTo(200);

        assertThat(organisations("q=" + encode(name)).get("items").get(0).get("website").asString())
                .isEqualTo("https://msn.example.org");
        assertThat(get("/directory/organisations/" + organisation.get("id").asString()).body())
                .contains("href=\"https://msn.example.org\"");

        assertThat(put(path, "{\"website\": null}", ORGANISER, ORGANISER_PASSWORD).status()).isEqualTo(200);
        assertThat(organisations("q=" + encode(name)).get("items").get(0).get("website").isNull()).isTrue();
    }

    private Response put(String path, String json, String username, String password) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (username != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    @Test
    void anOrganisationWithoutListedPeopleIsNotShown() {
        String name = uniqueWord("Quiet association ");
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Ivo", "Tihov").organisation(name).listed(false).build(),
                forum));

        assertThat(organisations("q=" + encode(name)).get("total").asInt()).isZero();
    }

    @Test
    void typeNarrowsToOrganisationsWithListedPeopleOfThatType() {
        String name = uniqueWord("Centre ");
        publishOptedIn(confirmed(unique("reg-"), person("Dora", "Ilieva").organisation(name)
                .type(StakeholderType.CIVIL_SOCIETY).build(), forum));
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Emil", "Kolev").organisation(name)
                .type(StakeholderType.EXPERT).build(), forum));
        await().atMost(PROJECTED_WITHIN).until(() -> organisations("q=" + encode(name)).get("items").size() == 1
                && people(organisations("q=" + encode(name)).get("items").get(0)).size() == 2);

        JsonNode civil = organisations("q=" + encode(name) + "&type=CIVIL_SOCIETY").get("items");
        assertThat(civil).hasSize(1);
        assertThat(people(civil.get(0))).containsExactly("Dora Ilieva");
        assertThat(organisations("q=" + encode(name) + "&type=MEDIA").get("total").asInt()).isZero();
    }

    @Test
    void membersWhoRegisterAtOnceAreAllListedAndOneWhoWithdrawsConsentLeaves() {
        String name = uniqueWord("Integration Council ");
        List<String> expected = new ArrayList<>();
        String lastEmail = null;
        for (int i = 0; i < 30; i++) {
            String last = "Member" + i;
            lastEmail = unique("member-") + "@example.org";
            expected.add("Eva " + last);
            publishOptedIn(confirmed(unique("reg-"), person("Eva", last).email(lastEmail).organisation(name).country("BG")
                    .type(StakeholderType.CIVIL_SOCIETY).build(), forum));
        }
        // Thirty writes to one listing from several partitions at once: none may undo another.
        // Asserted, not polled for a boolean: a timeout then says which half was missing.
        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> {
            JsonNode items = organisations("q=" + encode(name)).get("items");
            assertThat(items).as("listings of %s", name).hasSize(1);
            assertThat(people(items.get(0))).as("members listed").hasSize(30);
        });
        assertThat(people(organisations("q=" + encode(name) + "&country=BG&type=CIVIL_SOCIETY").get("items").get(0)))
                .containsExactlyInAnyOrderElementsOf(expected);

        publishOptedInAndAwait(confirmed(unique("reg-"), person("Eva", "Member29").email(lastEmail).organisation(name)
                .country("BG").type(StakeholderType.CIVIL_SOCIETY).listed(false).build(), forum));
        await().atMost(PROJECTED_WITHIN).until(() ->
                people(organisations("q=" + encode(name)).get("items").get(0)).size() == 29);
        assertThat(people(organisations("q=" + encode(name)).get("items").get(0))).doesNotContain("Eva Member29");
    }

    @Test
    void aMemberWhoChangesTypeOrOrganisationTakesTheirFacetsAlongAndAnEmptiedOrganisationLeaves() {
        String first = uniqueWord("Harbour Trust ");
        String second = uniqueWord("Lighthouse Foundation ");
        String movingEmail = unique("moving-") + "@example.org";
        publishOptedIn(confirmed(unique("reg-"), person("Rada", "Stays").organisation(first)
                .type(StakeholderType.MEDIA).build(), forum));
        publishOptedInAndAwait(confirmed(unique("reg-"), 1, person("Mira", "Moves").email(movingEmail).organisation(first)
                .type(StakeholderType.ACADEMIA).build(), forum, java.time.Instant.now().minusSeconds(60)));
        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> assertThat(
                organisations("q=" + encode(first) + "&type=ACADEMIA").get("total").asInt()).isEqualTo(1));

        // Mira's newer registration names another organisation: her facets leave the first one with her.
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Mira", "Moves").email(movingEmail).organisation(second)
                .type(StakeholderType.ACADEMIA).build(), conference(unique("forum-"), "Second forum")));
        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> {
            assertThat(organisations("q=" + encode(first) + "&type=ACADEMIA").get("total").asInt()).isZero();
            assertThat(people(organisations("q=" + encode(first)).get("items").get(0))).containsExactly("Rada Stays");
            assertThat(people(organisations("q=" + encode(second) + "&type=ACADEMIA").get("items").get(0)))
                    .containsExactly("Mira Moves");
        });

        // The last member leaves: so does the organisation.
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Mira", "Moves").email(movingEmail).organisation(second)
                .type(StakeholderType.ACADEMIA).listed(false).build(), conference(unique("forum-"), "Third forum")));
        await().atMost(PROJECTED_WITHIN).untilAsserted(() ->
                assertThat(organisations("q=" + encode(second)).get("total").asInt()).isZero());
    }

    @Test
    void membersWhoSpelledTheOrganisationDifferentlyAreMatchedOneByOne() {
        String word = uniqueWord("x");
        // One organisation (apostrophes do not count for identity) whose members gave it different words.
        publishOptedIn(confirmed(unique("reg-"), person("Sean", "Apostrophe").organisation("O'Brien Trust " + word)
                .type(StakeholderType.MEDIA).build(), forum));
        publishOptedInAndAwait(confirmed(unique("reg-"), person("Aoife", "Joined").organisation("OBrien Trust " + word)
                .type(StakeholderType.ACADEMIA).build(), forum));
        await().atMost(PROJECTED_WITHIN).untilAsserted(() ->
                assertThat(people(organisations("q=" + word).get("items").get(0))).hasSize(2));

        // "brien" is a word of Sean's spelling only: the listing shows him alone, and no academic.
        assertThat(people(organisations("q=brien+" + word).get("items").get(0))).containsExactly("Sean Apostrophe");
        assertThat(organisations("q=brien+" + word + "&type=ACADEMIA").get("total").asInt()).isZero();
        assertThat(people(organisations("q=obrien+" + word + "&type=ACADEMIA").get("items").get(0)))
                .containsExactly("Aoife Joined");
    }

    private JsonNode organisations(String query) {
        Response response = get("/api/directory/organisations?" + query);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<String> people(JsonNode organisation) {
        List<String> names = new ArrayList<>();
        organisation.get("people").forEach(p -> names.add(p.get("firstName").asString() + " "
                + p.get("lastName").asString()));
        return names;
    }
}
