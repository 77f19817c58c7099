package org.eforum.directory.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eforum.directory.Fixtures.conference;
import static org.eforum.directory.Fixtures.confirmed;
import static org.eforum.directory.Fixtures.person;
import static org.eforum.directory.Fixtures.unique;
import static org.eforum.directory.Fixtures.uniqueWord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.bson.Document;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Participant;
import org.eforum.directory.AbstractDirectoryIT;
import org.eforum.directory.DirectoryServiceApplication;
import org.eforum.directory.person.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eforum.directory.rebuild-on-start=true}: a directory that drifted from the log (a person lost, a stray
 * copy left behind) is, once the app has started again with the option, exactly what the log says.
 */
class RebuildOnStartIT extends AbstractDirectoryIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    Environment environment;

    @Test
    void startingWithTheOptionReplaysTheLogIntoAnEmptyDirectory() throws Exception {
        String marker = uniqueWord("ros");
        ConferenceSnapshot forum = conference(unique("restart-"), "Restart forum");
        Participant kept = person("Kept", marker).build();
        Participant lost = person("Lost", marker).build();
        publishOptedIn(confirmed(unique("reg-"), kept, forum));
        publishOptedIn(confirmed(unique("reg-"), lost, forum));
        awaitAllConsumed();
        assertThat(search(environment, marker).get("total").asInt()).isEqualTo(2);

        // The directory drifts: one person is lost, a stray copy of the other appears.
        Document stray = mongo.findById(kept.email().toLowerCase(), Document.class, Person.COLLECTION);
        stray.put("_id", "stray-" + kept.email().toLowerCase());
        stray.put("publicId", "stray" + marker);
        stray.put("emailHash", "stray" + marker);
        mongo.insert(stray, Person.COLLECTION);
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(lost.email().toLowerCase())),
                Person.COLLECTION);

        // The app restarts with the option (the running one steps aside: one group, one set of consumers).
        listeners.stop();
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(DirectoryServiceApplication.class)
                // As arguments: they win over application.yml (builder properties would not).
                .run("--server.port=0", "--eforum.directory.rebuild-on-start=true",
                        "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--eforum.directory.public-id-secret=" + environment.getProperty("eforum.directory.public-id-secret"),
                        // A bcrypt hash of "x": outside the local profile a password is never plain text.
                        "--eforum.security.accounts[0].username=operator", "--eforum.security.accounts[0].password={bcrypt}$2a$04$RZTQY6NVik0x.KkS.iHll.Eim/grtNaBw97.SKB/FqtlkhQ8r2QCi",
                        "--eforum.security.accounts[0].roles[0]=OPERATOR")) {
            JsonNode found = await().atMost(PROJECTED_WITHIN).until(
                    () -> search(restarted.getEnvironment(), marker),
                    result -> result.get("total").asInt() == 2);

            assertThat(found.findValuesAsString("firstName")).containsExactlyInAnyOrder("Kept", "Lost");
            assertThat(mongo.findById("stray-" + kept.email().toLowerCase(), Document.class, Person.COLLECTION))
                    .as("the stray copy is gone").isNull();
        } finally {
            listeners.start();
        }
    }

    private static JsonNode search(Environment app, String query) throws Exception {
        URI uri = URI.create("http://localhost:" + app.getProperty("local.server.port")
                + "/api/directory/stakeholders?q=" + query);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
