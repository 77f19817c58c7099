package org.eforum.registration.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.bson.Document;
import org.eforum.registration.IntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Operators create and disable organiser accounts; the store keeps a hash, never the password. */
class AccountsIT extends IntegrationSupport {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MongoTemplate mongo;

    @Test
    void anOperatorCreatesAnAccountThatLogsInAndIsStoredHashed() {
        String username = newUsername();
        HttpResponse<String> created = postJson("/api/accounts", body(username, PASSWORD), OPERATOR);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/accounts/" + username);
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("bcrypt").doesNotContain("password");
        assertThat(json(created).path("enabled").asBoolean()).isTrue();

        HttpResponse<String> login = get("/api/organiser/conferences", "application/json", basic(username, PASSWORD));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json(login).isEmpty()).as("organiser of nothing yet").isTrue();
        assertThat(get("/api/organiser/conferences", "application/json", basic(username, "wrong password!"))
                .statusCode()).isEqualTo(401);

        Document stored = mongo.getCollection("organiser_accounts").find(new Document("_id", username)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(PASSWORD);
        assertThat(stored.getString("passwordHash")).startsWith("{bcrypt}$2");
        assertThat(stored.getString("displayName")).isEqualTo("Petya Georgieva");

        JsonNode listed = json(get("/api/accounts", "application/json", OPERATOR));
        java.util.List<String> usernames = new java.util.ArrayList<>();
        listed.forEach(account -> usernames.add(account.path("username").asString()));
        assertThat(usernames).contains(username);
        assertThat(listed.toString()).doesNotContain("passwordHash").doesNotContain("{bcrypt}");
    }

    @Test
    void aDisabledAccountCannotLogIn() {
        String username = newUsername();
        createOrganiserAccount(username, PASSWORD);
        assertThat(get("/api/organiser/conferences", "application/json", basic(username, PASSWORD)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> disabled = postJson("/api/accounts/" + username + "/disable", "", OPERATOR);

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(json(disabled).path("enabled").asBoolean()).isFalse();
        HttpResponse<String> refused = get("/api/organiser/conferences", "application/json", basic(username, PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(postJson("/api/accounts/nobody-" + UUID.randomUUID() + "/disable", "", OPERATOR).statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyOperatorsManageAccountsAndAUsernameIsTakenOnce() {
        String username = newUsername();
        assertThat(postJson("/api/accounts", body(username, PASSWORD), ORGANISER).statusCode()).isEqualTo(403);
        assertThat(get("/api/accounts", "application/json", ORGANISER).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/accounts", body(username, PASSWORD), null).statusCode()).isEqualTo(401);
        assertThat(mongo.getCollection("organiser_accounts").countDocuments(new Document("_id", username))).isZero();

        createOrganiserAccount(username, PASSWORD);
        assertThat(postJson("/api/accounts", body(username, "another password"), OPERATOR).statusCode())
                .isEqualTo(409);
        // The configured accounts' names are taken too: nobody can create a second "operator".
        assertThat(postJson("/api/accounts", body("operator", PASSWORD), OPERATOR).statusCode()).isEqualTo(409);
        assertThat(postJson("/api/accounts", body("organiser", PASSWORD), OPERATOR).statusCode()).isEqualTo(409);
    }

    @Test
    void anInvalidAccountIsRefusedFieldByFieldAndNothingIsStored() {
        String username = newUsername();
        HttpResponse<String> refused = postJson("/api/accounts", """
                {"username": "%s", "displayName": "Petya\\u0000", "email": "not-an-address", "password": "short"}"""
                .formatted(username), OPERATOR);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errorFields(refused)).contains("displayName", "email", "password");
        assertThat(refused.body()).doesNotContain("short");
        assertThat(postJson("/api/accounts", body("Bad Name!", PASSWORD), OPERATOR).statusCode()).isEqualTo(400);
        assertThat(mongo.getCollection("organiser_accounts").countDocuments(new Document("_id", username))).isZero();
    }

    private static String newUsername() {
        return "petya-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(String username, String password) {
        return """
                {"username": "%s", "displayName": "Petya Georgieva", "email": "petya@eforum.example.org",
                 "password": "%s"}""".formatted(username, password);
    }
}
