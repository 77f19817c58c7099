package org.eforum.registration.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.registration.page.Browser.textOf;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.OrganiserInvited;
import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.PublishedEvents;
import org.eforum.registration.page.Browser;
import org.eforum.testsupport.EventLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An operator invites an organiser by mail: the account is stored as invited and cannot log in, the invitation's
 * event goes to the accounts topic sealed (neither the address nor the token readable), and the link sets the
 * password once, before it expires; a wrong, used, replaced or expired link changes nothing.
 */
class InvitationsIT extends IntegrationSupport {

    private static final String PASSWORD = "a long chosen password";

    @Autowired
    MongoTemplate mongo;

    @Test
    void theInviteeSetsThePasswordOnceAndLogsInAndTheTokenIsNeverInCleartextOnKafkaOrInTheStore() {
        String username = newUsername();
        String email = username + "@invited.example.org";

        HttpResponse<String> invited = postJson("/api/accounts/invitations", invitation(username, email, "bg"), OPERATOR);

        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(invited.headers().firstValue("Location")).hasValue("/api/accounts/" + username);
        assertThat(json(invited).path("account").path("state").asString()).isEqualTo("INVITED");
        assertThat(json(invited).path("language").asString()).isEqualTo("bg");
        assertThat(invited.body()).doesNotContain("token");
        assertThat(account(username).getBoolean("enabled")).isFalse();
        assertThat(account(username).get("passwordHash")).isNull();

        OrganiserInvited event = invitationEvent(username);
        assertThat(event.email()).isEqualTo(email);
        assertThat(event.language()).isEqualTo("bg");
        assertThat(event.invitationUrl()).startsWith("http://localhost:8081/organiser/invitations/"
                + event.invitationId() + "?token=").endsWith("&lang=bg");
        String token = invitationToken(event.invitationUrl());
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(event.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(6)))
                .isBefore(Instant.now().plus(Duration.ofDays(8)));
        for (ConsumerRecord<String, byte[]> record : EventLog.readAll(bootstrapServers, Topics.ACCOUNTS)) {
            String raw = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(raw).doesNotContain(email).doesNotContain(token).doesNotContain("Petya");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(invitationDocument(event).toJson())
                .as("the outbox is emptied once published: the token stays only as its hash")
                .doesNotContain(token).contains(sha256(token)));
        assertThat(get("/api/organiser/conferences", "application/json", basic(username, PASSWORD)).statusCode())
                .as("an invited account cannot log in").isEqualTo(401);

        Browser invitee = new Browser(port, "en");
        String link = "/organiser/invitations/" + event.invitationId() + "?token=" + token + "&lang=bg";
        HttpResponse<String> form = invitee.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Задайте паролата си").contains(username);

        HttpResponse<String> different = invitee.submit(form, "/organiser/invitations/" + event.invitationId(),
                fields(token, PASSWORD, PASSWORD + "!"));
        assertThat(different.statusCode()).isEqualTo(400);
        assertThat(textOf(different.body(), "passwordAgain-error")).hasValueSatisfying(text -> assertThat(text)
                .contains("Двете пароли се различават"));
        HttpResponse<String> tooShort = invitee.submit(form, "/organiser/invitations/" + event.invitationId(),
                fields(token, "short", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(textOf(tooShort.body(), "password-error")).hasValueSatisfying(text -> assertThat(text)
                .contains("от 12 до 72 знака"));
        assertThat(account(username).getBoolean("enabled")).as("nothing changed").isFalse();
        assertThat(invitationDocument(event).get("usedAt")).isNull();

        HttpResponse<String> set = invitee.submit(form, "/organiser/invitations/" + event.invitationId(),
                fields(token, PASSWORD, PASSWORD));
        assertThat(set.uri().getPath()).isEqualTo("/organiser/login");
        assertThat(set.body()).contains("Паролата ви е зададена.");
        assertThat(account(username).getString("passwordHash")).startsWith("{bcrypt}$2");
        assertThat(get("/api/organiser/conferences", "application/json", basic(username, PASSWORD)).statusCode())
                .isEqualTo(200);
        assertThat(json(get("/api/accounts", "application/json", OPERATOR)).toString())
                .contains("\"username\":\"" + username + "\"");

        // Single use: the same link again is refused, and the password stays the first one.
        HttpResponse<String> again = new Browser(port, "en").get(link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(textOf(again.body(), "reason")).hasValueSatisfying(text -> assertThat(text)
                .contains("вече е използвана"));
        HttpResponse<String> reused = invitee.submit(form, "/organiser/invitations/" + event.invitationId(),
                fields(token, "another long password", "another long password"));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(get("/api/organiser/conferences", "application/json", basic(username, "another long password"))
                .statusCode()).isEqualTo(401);
        assertThat(get("/api/organiser/conferences", "application/json", basic(username, PASSWORD)).statusCode())
                .isEqualTo(200);
        assertThat(postJson("/api/accounts/invitations", invitation(username, email, "en"), OPERATOR).statusCode())
                .as("an active account is not invited again").isEqualTo(409);
    }

    @Test
    void aWrongOrExpiredTokenIsAClearPageAndChangesNothing() {
        String username = newUsername();
        assertThat(postJson("/api/accounts/invitations", invitation(username, username + "@invited.example.org", "en"),
                OPERATOR).statusCode()).isEqualTo(201);
        OrganiserInvited event = invitationEvent(username);
        String token = invitationToken(event.invitationUrl());
        String path = "/organiser/invitations/" + event.invitationId();

        HttpResponse<String> wrong = new Browser(port, "en").get(path + "?token=" + token.substring(1) + "x");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(textOf(wrong.body(), "reason")).hasValueSatisfying(text -> assertThat(text)
                .contains("There is no invitation with this link."));
        assertThat(new Browser(port, "en").get(path).statusCode()).as("no token").isEqualTo(404);
        assertThat(new Browser(port, "en").get("/organiser/invitations/" + UUID.randomUUID() + "?token=" + token)
                .statusCode()).as("another invitation's id").isEqualTo(404);

        Browser invitee = new Browser(port, "en");
        HttpResponse<String> form = invitee.get(path + "?token=" + token);
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> wrongPost = invitee.submit(form, path, fields(token + "x", PASSWORD, PASSWORD));
        assertThat(wrongPost.statusCode()).isEqualTo(404);
        assertThat(account(username).getBoolean("enabled")).isFalse();

        mongo.getCollection("organiser_invitations").updateOne(new Document("_id", event.invitationId()),
                new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(1)))));
        HttpResponse<String> expired = new Browser(port, "en").get(path + "?token=" + token);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(textOf(expired.body(), "reason")).hasValueSatisfying(text -> assertThat(text)
                .contains("This invitation has expired."));
        HttpResponse<String> expiredPost = invitee.submit(form, path, fields(token, PASSWORD, PASSWORD));
        assertThat(expiredPost.statusCode()).isEqualTo(410);
        assertThat(account(username).getBoolean("enabled")).isFalse();
        assertThat(account(username).get("passwordHash")).isNull();
        assertThat(get("/api/organiser/conferences", "application/json", basic(username, PASSWORD)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void invitingAgainReplacesTheEarlierLinkAndADisabledAccountsLinkNoLongerWorks() {
        String username = newUsername();
        postJson("/api/accounts/invitations", invitation(username, username + "@first.example.org", "en"), OPERATOR);
        OrganiserInvited first = invitationEvent(username);

        HttpResponse<String> again = postJson("/api/accounts/invitations",
                invitation(username, username + "@second.example.org", "bg"), OPERATOR);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(account(username).getString("email")).isEqualTo(username + "@second.example.org");
        HttpResponse<String> replaced = new Browser(port, "en").get("/organiser/invitations/" + first.invitationId()
                + "?token=" + invitationToken(first.invitationUrl()));
        assertThat(replaced.statusCode()).isEqualTo(410);
        assertThat(textOf(replaced.body(), "reason")).hasValueSatisfying(text -> assertThat(text)
                .contains("A newer invitation replaced this one."));

        await().atMost(Duration.ofSeconds(30)).until(() -> PublishedEvents.invitationsOf(bootstrapServers, username)
                .size() == 2);
        OrganiserInvited second = PublishedEvents.invitationsOf(bootstrapServers, username).get(1);
        assertThat(second.language()).isEqualTo("bg");
        assertThat(postJson("/api/accounts/" + username + "/disable", "", OPERATOR).statusCode()).isEqualTo(200);
        HttpResponse<String> disabled = new Browser(port, "en").get("/organiser/invitations/"
                + second.invitationId() + "?token=" + invitationToken(second.invitationUrl()));
        assertThat(disabled.statusCode()).isEqualTo(410);
        assertThat(textOf(disabled.body(), "reason")).hasValueSatisfying(text -> assertThat(text)
                .contains("disabled"));
    }

    @Test
    void onlyOperatorsInviteAndBadInputIsA400PerFieldThatStoresNothing() {
        String username = newUsername();
        String body = invitation(username, username + "@invited.example.org", "en");
        assertThat(postJson("/api/accounts/invitations", body, ORGANISER).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/accounts/invitations", body, null).statusCode()).isEqualTo(401);

        HttpResponse<String> bad = postJson("/api/accounts/invitations", """
                {"username": "Not Valid", "email": "not-an-address", "language": "de"}""", OPERATOR);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(errorFields(bad)).contains("username", "email", "language");
        HttpResponse<String> missing = postJson("/api/accounts/invitations", "{\"username\": \"" + username + "\"}",
                OPERATOR);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(errorFields(missing)).contains("email", "language");
        assertThat(postJson("/api/accounts/invitations", invitation("operator", "op@example.org", "en"), OPERATOR)
                .statusCode()).as("a configured account's username").isEqualTo(409);

        assertThat(mongo.getCollection("organiser_accounts").countDocuments(new Document("_id", username))).isZero();
        assertThat(mongo.getCollection("organiser_invitations").countDocuments(new Document("username", username)))
                .isZero();
        assertThat(mongo.getCollection("organiser_accounts").countDocuments(new Document("_id", "Not Valid"))).isZero();
    }

    private OrganiserInvited invitationEvent(String username) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !PublishedEvents.invitationsOf(bootstrapServers, username)
                .isEmpty());
        List<OrganiserInvited> events = PublishedEvents.invitationsOf(bootstrapServers, username);
        assertThat(events.get(0).isSealed()).as("opened with the invitee's key").isFalse();
        return events.get(events.size() - 1);
    }

    private Document account(String username) {
        Document stored = mongo.getCollection("organiser_accounts").find(new Document("_id", username)).first();
        assertThat(stored).as(username).isNotNull();
        return stored;
    }

    private Document invitationDocument(OrganiserInvited event) {
        return mongo.getCollection("organiser_invitations").find(new Document("_id", event.invitationId())).first();
    }

    private static List<Map.Entry<String, String>> fields(String token, String password, String again) {
        return List.of(Map.entry("token", token), Map.entry("password", password), Map.entry("passwordAgain", again));
    }

    private static String invitation(String username, String email, String language) {
        return """
                {"username": "%s", "displayName": "Petya Georgieva", "email": "%s", "language": "%s"}"""
                .formatted(username, email, language);
    }

    private static String invitationToken(String link) {
        String token = link.substring(link.indexOf("?token=") + "?token=".length());
        return token.substring(0, token.indexOf('&'));
    }

    private static String sha256(String token) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static String newUsername() {
        return "invited-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
