package org.eforum.registration.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.bson.Document;
import org.eforum.registration.ServiceTestSupport;
import org.eforum.testsupport.MongoWireServerInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The local profile's logins: organiser and organiser2 stored (hashed), the operator configured as before.
 *
 * <p>Its own context and broker. The broker's address goes to a property of its own, not to
 * {@code spring.kafka.bootstrap-servers}, which the other tests' shared context reads as a system property: set
 * here, it sent every test that ran after this one to this broker, where none of their events are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${local-accounts-it.kafka}")
@ActiveProfiles("local")
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "local-accounts-it.kafka")
@ContextConfiguration(initializers = MongoWireServerInitializer.class)
class LocalAccountsIT extends ServiceTestSupport {

    @Autowired
    MongoTemplate mongo;

    @Test
    void theLocalOrganisersAreStoredHashedAndOnlyTheCreatorOrganisesItsConference() {
        for (String username : new String[] {"organiser", "organiser2"}) {
            Document stored = mongo.getCollection("organiser_accounts").find(new Document("_id", username)).first();
            assertThat(stored).as(username).isNotNull();
            assertThat(stored.getString("passwordHash")).startsWith("{bcrypt}$2");
            // Here the password is the username: no field but the id holds it.
            assertThat(stored.entrySet()).filteredOn(field -> !field.getKey().equals("_id"))
                    .allSatisfy(field -> assertThat(String.valueOf(field.getValue())).isNotEqualTo(username));
            assertThat(stored.getString("passwordHash")).doesNotContain(username);
        }
        String conference = createConference("local", 10);
        String organiser2 = basic("organiser2", "organiser2");

        assertThat(get("/api/conferences/" + conference + "/registrations", "application/json", organiser2)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> mine = get("/api/organiser/conferences", "application/json", organiser2);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).doesNotContain(conference);
        assertThat(get("/api/organiser/conferences", "application/json", ORGANISER).body()).contains(conference);
        assertThat(get("/api/accounts", "application/json", OPERATOR).statusCode()).isEqualTo(200);
        assertThat(get("/api/accounts", "application/json", basic("operator", "wrong")).statusCode()).isEqualTo(401);
    }
}
