package org.eforum.directory.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;

/** The pages over real HTTP, as a browser without JavaScript would fetch them. */
class DirectoryPagesIT extends AbstractDirectoryIT {

    private final ConferenceSnapshot forum = conference(unique("pages-"), "Pages Forum");

    @Test
    void theDirectorySearchesInBothScriptsAndLinksOrganisationPagesThatListOnlyListedPeople() {
        String organisation = "Институт " + uniqueWord("pg");
        Participant ivan = person("Иван", "Петров").organisation(organisation).type(StakeholderType.ACADEMIA)
                .position("Researcher").expertsNetwork(true).build();
        Participant maria = person("Maria", "Popova").organisation(organisation).country("BG").build();
        Participant hidden = person("Skrit", "Chovek").organisation(organisation).listed(false).build();
        List.of(ivan, maria, hidden).forEach(p -> publishOptedIn(confirmed(unique("reg-"), p, forum)));
        String query = "/directory?lang=en&q=" + encode(organisation);
        await().atMost(PROJECTED_WITHIN).until(() -> page(query).body().contains("2 found"));

        Response found = page("/directory?lang=en&q=" + encode("petrov " + organisation));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.contentType()).startsWith("text/html");
        assertThat(found.body()).contains("1 found, page 1 of 1", "Иван Петров", "Academia", "Researcher",
                "Pages Forum").doesNotContain("Popova", "Chovek", "@example.org");

        Matcher link = Pattern.compile("href=\"(/directory/organisations/[0-9a-f-]+)\"").matcher(found.body());
        assertThat(link.find()).isTrue();
        Response organisationPage = page(link.group(1) + "?lang=en");
        assertThat(organisationPage.status()).isEqualTo(200);
        assertThat(organisationPage.body()).contains("<h1>" + organisation + "</h1>", "Иван Петров", "Maria Popova",
                "Listed people").doesNotContain("Chovek", "@");

        assertThat(page("/directory/organisations/" + unique("nothing-") + "?lang=en").status()).isEqualTo(404);
    }

    @Test
    void theLanguageComesFromLangThenStaysForTheVisitElseFromTheBrowser() {
        Response bulgarian = page("/directory?lang=bg");
        assertThat(bulgarian.body()).contains("<html lang=\"bg\"", "Регистър на заинтересованите страни",
                "Към основното съдържание");
        assertThat(bulgarian.setCookie()).contains("eforum-lang=bg");

        Response sameVisit = send(HttpRequest.newBuilder(uri("/directory/experts")).header("Cookie", "eforum-lang=bg")
                .header("Accept-Language", "en").GET().build());
        assertThat(sameVisit.body()).contains("<html lang=\"bg\"", "Експертна мрежа");

        Response browser = send(HttpRequest.newBuilder(uri("/directory")).header("Accept-Language", "bg-BG,bg;q=0.9")
                .GET().build());
        assertThat(browser.body()).contains("<html lang=\"bg\"");
        Response english = send(HttpRequest.newBuilder(uri("/directory")).header("Accept-Language", "en-GB")
                .GET().build());
        assertThat(english.body()).contains("<html lang=\"en\"", "Stakeholder directory");
    }

    @Test
    void thePagesAreAccessibleAndLoadNothingFromElsewhere() {
        Response directory = page("/directory?lang=en");

        String html = directory.body();
        assertThat(html).contains("class=\"skip-link\" href=\"#main\"", "<main id=\"main\"", "<h1>",
                "<label for=\"q\">", "<label for=\"type\">", "<label for=\"country\">", "id=\"q\"", "id=\"type\"",
                "id=\"country\"", "name=\"q\"", "name=\"type\"", "name=\"country\"", "role=\"search\"");
        assertThat(html).doesNotContain("<script", "cdn", "googleapis");
        for (String attribute : attributes(html, "(?:src|href)")) {
            // The footer's links to the organiser's notices on registration-service are links, not loaded resources.
            if (!List.of("http://localhost:8081/privacy", "http://localhost:8081/accessibility").contains(attribute)) {
                assertThat(attribute).as("a local resource").matches("^(/|#|\\?).*");
            }
        }
        assertThat(directory.contentSecurityPolicy()).contains("default-src 'self'");
        assertThat(page("/css/eforum.css").status()).isEqualTo(200);
        Response base = page("/css/eforum-base.css"); // shared by every app's pages, served from the platform jar
        assertThat(base.status()).isEqualTo(200);
        assertThat(base.body()).contains(":focus-visible");
    }

    @Test
    void everythingIsEscaped() {
        String marker = uniqueWord("esc");
        Participant sneaky = person("<script>alert(1)</script>", marker)
                .organisation("Acme <b onmouseover=\"x\">&amp; \"Co\" " + marker).build();
        publishOptedInAndAwait(confirmed(unique("reg-"), sneaky, forum));

        Response found = page("/directory?lang=en&q=" + encode(marker));
        assertThat(found.body()).contains("1 found").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Acme &lt;b onmouseover=&quot;x&quot;&gt;&amp;amp; &quot;Co&quot;")
                .doesNotContain("<script>", "<b onmouseover");
        Response reflected = page("/directory?lang=en&q=" + encode("\"><script>x</script>"));
        assertThat(reflected.body()).doesNotContain("<script>x").contains("&quot;&gt;&lt;script&gt;x&lt;/script&gt;");
    }

    @Test
    void theExpertsPageListsMembersWhoOptedInEvenIfNotInTheDirectory() {
        String marker = uniqueWord("exp");
        Participant member = person("Vesela", marker).organisation("Think tank " + marker).listed(false)
                .type(StakeholderType.CIVIL_SOCIETY).expertsNetwork(true).build();
        Participant notMember = person("Nikola", marker).organisation("Think tank " + marker).build();
        publishOptedIn(confirmed(unique("reg-"), notMember, forum));
        publishOptedInAndAwait(confirmed(unique("reg-"), member, forum));
        await().atMost(PROJECTED_WITHIN).until(() -> page("/directory?lang=en&q=" + marker).body().contains("1 found"));

        Response experts = page("/directory/experts?lang=en&q=" + marker);
        assertThat(experts.body()).contains("1 found", "Vesela " + marker, "Think tank " + marker,
                "Civil society").doesNotContain("Nikola", "@");
        assertThat(page("/directory?lang=en&q=" + marker).body()).doesNotContain("Vesela");
        assertThat(page("/directory/experts?lang=en&q=" + marker + "&type=MEDIA").body()).contains("0 found");
    }

    @Test
    void filtersAndPagingKeepTheQueryAndBadFiltersAreExplainedBesideTheirField() {
        String marker = uniqueWord("many");
        for (int i = 0; i < 21; i++) {
            publishOptedIn(confirmed(unique("reg-"), person("P" + i, marker).organisation("Org " + marker)
                    .country("RO").build(), forum));
        }
        await().atMost(PROJECTED_WITHIN).until(() -> page("/directory?lang=en&q=" + marker).body()
                .contains("21 found, page 1 of 2"));

        String first = page("/directory?lang=en&country=RO&q=" + marker).body();
        assertThat(first).contains("21 found, page 1 of 2", "rel=\"next\"", "<option value=\"RO\" selected=\"selected\">");
        Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).isTrue();
        String href = next.group(1).replace("&amp;", "&");
        assertThat(href).contains("q=" + marker, "country=RO", "page=1");
        assertThat(page(href).body()).contains("21 found, page 2 of 2", "rel=\"prev\"");

        Response bad = page("/directory?lang=en&type=WIZARD&country=XX");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Please check the search", "id=\"type-error\"", "id=\"country-error\"",
                "aria-invalid=\"true\"").doesNotContain("WIZARD", "XX\"");
    }

    private Response page(String pathAndQuery) {
        return get(pathAndQuery);
    }

    private static List<String> attributes(String html, String names) {
        Matcher matcher = Pattern.compile("\\s" + names + "=\"([^\"]*)\"").matcher(html);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
