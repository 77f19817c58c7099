package org.eforum.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.registration.page.Browser.tag;
import static org.eforum.registration.page.Browser.textOf;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.page.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Operators manage the organiser accounts on pages of the workspace: the list with each account's state, a new
 * account with its first password (each error beside its input, nothing stored), and disabling one behind a
 * confirmation. Organisers get 403 there.
 */
class OrganiserAccountsPageIT extends IntegrationSupport {

    private static final String PASSWORD = "a long first password";

    @Autowired
    MongoTemplate mongo;

    @Test
    void anOperatorLandsOnTheAccountsAndAnOrganiserMayNotSeeThem() {
        String listed = "listed-" + UUID.randomUUID().toString().substring(0, 8);
        createOrganiserAccount(listed, PASSWORD);
        Browser operator = new Browser(port, "en");
        HttpResponse<String> start = operator.fillInAndSubmit("/organiser/login",
                Map.of("username", "operator", "password", "operator"));

        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.uri().getPath()).isEqualTo("/organiser/accounts");
        assertThat(tag(start.body(), "a", "id", "nav-accounts")).isPresent();
        assertThat(start.body()).contains("Organiser accounts").contains(listed);

        Browser organiser = new Browser(port, "en");
        HttpResponse<String> conferences = organiser.fillInAndSubmit("/organiser/login",
                Map.of("username", "organiser", "password", "organiser"));
        assertThat(conferences.uri().getPath()).isEqualTo("/organiser");
        assertThat(tag(conferences.body(), "a", "id", "nav-accounts")).as("no link for organisers").isEmpty();
        assertThat(organiser.get("/organiser/accounts").statusCode()).isEqualTo(403);
        assertThat(organiser.get("/organiser/accounts/new").statusCode()).isEqualTo(403);
        assertThat(organiser.get("/organiser/accounts/" + listed + "/disable").statusCode()).isEqualTo(403);
        assertThat(new Browser(port, "en").get("/organiser/accounts").uri().getPath()).isEqualTo("/organiser/login");
    }

    @Test
    void anOperatorCreatesAnAccountThatLogsInAndDisablesItAfterConfirming() {
        Browser operator = operator("en");
        String username = "page-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> list = create(operator, Map.of("username", username,
                "displayName", "Petya Georgieva", "email", "petya@example.org", "password", PASSWORD));

        assertThat(list.uri().getPath()).isEqualTo("/organiser/accounts");
        assertThat(list.body()).contains("The account " + username + " is created and can log in.");
        assertThat(textOf(list.body(), "account-" + username)).hasValueSatisfying(row -> assertThat(row)
                .contains("Petya Georgieva").contains("petya@example.org").contains("Active").contains("operator"));
        assertThat(list.body()).doesNotContain(PASSWORD);
        assertThat(stored(username).getString("passwordHash")).startsWith("{bcrypt}$2");
        assertThat(get("/api/organiser/conferences", "application/json", basic(username, PASSWORD)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> confirm = operator.get("/organiser/accounts/" + username + "/disable");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Disable the account " + username + "?");
        assertThat(stored(username).getBoolean("enabled")).as("a GET changes nothing").isTrue();

        assertThat(tag(confirm.body(), "form", "action", "/organiser/accounts/" + username + "/disable")).isPresent();
        HttpResponse<String> disabled = operator.submit(confirm, "/organiser/accounts/" + username + "/disable",
                List.of());
        assertThat(disabled.uri().getPath()).isEqualTo("/organiser/accounts");
        assertThat(disabled.body()).contains("The account " + username + " is disabled");
        assertThat(textOf(disabled.body(), "account-" + username)).hasValueSatisfying(row -> assertThat(row)
                .contains("Disabled"));
        assertThat(get("/api/organiser/conferences", "application/json", basic(username, PASSWORD)).statusCode())
                .isEqualTo(401);
        assertThat(operator.get("/organiser/accounts/nobody-" + username + "/disable").statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsShownBesideEachFieldInTheirLanguageAndStoresNothing() {
        Browser operator = operator("bg");
        String username = "Not A Username";

        HttpResponse<String> form = create(operator, Map.of("username", username,
                "displayName", "", "email", "not-an-address", "password", "short"));

        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(textOf(form.body(), "username-error")).hasValueSatisfying(text -> assertThat(text)
                .contains("Използвайте от 3 до 64 знака"));
        assertThat(textOf(form.body(), "displayName-error")).hasValueSatisfying(text -> assertThat(text)
                .contains("Въведете името на организатора."));
        assertThat(textOf(form.body(), "email-error")).hasValueSatisfying(text -> assertThat(text)
                .contains("name@example.org"));
        assertThat(textOf(form.body(), "password-error")).hasValueSatisfying(text -> assertThat(text)
                .contains("от 12 до 72 знака"));
        assertThat(tag(form.body(), "input", "id", "username")).hasValueSatisfying(input -> assertThat(input)
                .contains("aria-invalid=\"true\"").contains("username-error"));
        assertThat(form.body()).as("the password is not written back").doesNotContain("value=\"short\"");
        assertThat(mongo.getCollection("organiser_accounts").countDocuments(new Document("_id", username))).isZero();

        // "organiser" is a configured account: its username is taken as a stored one's would be.
        HttpResponse<String> taken = create(operator, Map.of("username",
                "organiser", "displayName", "Someone Else", "email", "else@example.org", "password", PASSWORD));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(textOf(taken.body(), "username-error")).hasValueSatisfying(text -> assertThat(text)
                .contains("Вече има профил с това потребителско име."));
        assertThat(mongo.getCollection("organiser_accounts").countDocuments(new Document("_id", "organiser"))).isZero();
    }

    @Test
    void anInvitedAccountIsListedAsSuchAndInvitedAgainFromTheList() {
        Browser operator = operator("en");
        String username = "again-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> sent = operator.submit(operator.get("/organiser/accounts/invitations/new"),
                "/organiser/accounts/invitations", List.of(Map.entry("username", username),
                        Map.entry("displayName", ""), Map.entry("email", username + "@first.example.org"),
                        Map.entry("language", "bg")));
        assertThat(sent.uri().getPath()).isEqualTo("/organiser/accounts");
        assertThat(sent.body()).contains("The invitation to " + username + " is on its way.");
        assertThat(textOf(sent.body(), "account-" + username)).hasValueSatisfying(row -> assertThat(row)
                .contains("Invited").contains("Invite " + username + " again"));

        HttpResponse<String> form = operator.get("/organiser/accounts/invitations/new?username=" + username);
        assertThat(tag(form.body(), "input", "id", "email")).hasValueSatisfying(input -> assertThat(input)
                .contains("value=\"" + username + "@first.example.org\""));
        HttpResponse<String> again = operator.submit(form, "/organiser/accounts/invitations", List.of(
                Map.entry("username", username), Map.entry("displayName", "Petya Georgieva"),
                Map.entry("email", username + "@second.example.org"), Map.entry("language", "en")));
        assertThat(again.uri().getPath()).isEqualTo("/organiser/accounts");
        assertThat(stored(username).getString("email")).isEqualTo(username + "@second.example.org");
        assertThat(mongo.getCollection("organiser_invitations").countDocuments(new Document("username", username)
                .append("supersededAt", new Document("$ne", null)))).isEqualTo(1);

        HttpResponse<String> bad = operator.submit(form, "/organiser/accounts/invitations", List.of(
                Map.entry("username", "organiser"), Map.entry("email", "nobody"), Map.entry("language", "fr")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(textOf(bad.body(), "email-error")).hasValueSatisfying(text -> assertThat(text)
                .contains("name@example.org"));
        assertThat(textOf(bad.body(), "language-error")).hasValueSatisfying(text -> assertThat(text)
                .contains("Choose Bulgarian or English."));
        HttpResponse<String> taken = operator.submit(form, "/organiser/accounts/invitations", List.of(
                Map.entry("username", "organiser"), Map.entry("email", "someone@example.org"),
                Map.entry("language", "en")));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(textOf(taken.body(), "username-error")).hasValueSatisfying(text -> assertThat(text)
                .contains("There is an active or disabled account with this username."));
    }

    /** Opens the new account's form and submits it with {@code fields}, as its button would. */
    private static HttpResponse<String> create(Browser operator, Map<String, String> fields) {
        return operator.submit(operator.get("/organiser/accounts/new"), "/organiser/accounts",
                List.copyOf(fields.entrySet()));
    }

    private Document stored(String username) {
        Document stored = mongo.getCollection("organiser_accounts").find(new Document("_id", username)).first();
        assertThat(stored).as(username).isNotNull();
        return stored;
    }

    private Browser operator(String language) {
        Browser browser = new Browser(port, language);
        HttpResponse<String> start = browser.fillInAndSubmit("/organiser/login",
                Map.of("username", "operator", "password", "operator"));
        assertThat(start.uri().getPath()).isEqualTo("/organiser/accounts");
        return browser;
    }
}
