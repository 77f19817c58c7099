package org.eforum.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.bson.Document;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The same story against the real MongoDB (a single-node replica set) and Apache Kafka in containers. Where no
 * Docker engine runs, as on our build machines, JUnit reports it skipped rather than failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersEndToEndIT extends EndToEndTests {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private static Stack stack;

    @BeforeAll
    static void startApps() throws Exception {
        Path root = Path.of(System.getProperty("eforum.root", "..")).toAbsolutePath().normalize();
        stack = Stack.start(new Stack.Options(root, Ports.free(), root.resolve("local-stack/target/e2e-testcontainers"),
                JavaRuntime.newest(), null, KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl("eforum"),
                EnumSet.of(App.REGISTRATION, App.DIRECTORY, App.NOTIFICATION), true));
    }

    @AfterAll
    static void stopApps() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * The directory's public queries, in the shapes directory-service sends them (see its People and
     * OrganisationListings), are index walks on a real MongoDB: no collection scan, and no in-memory sort.
     */
    @Test
    void theDirectorysPublicQueriesUseIndexes() {
        try (MongoClient client = MongoClients.create(MONGO.getReplicaSetUrl("eforum"))) {
            MongoDatabase directory = client.getDatabase("eforum-directory");
            Document byName = new Document("search.sortKey", 1).append("publicId", 1);
            var people = directory.getCollection("people");
            for (Document filter : List.of(new Document("search.keys", "l"), new Document("search.keys", "e"),
                    new Document("search.keys", "l:iv"), new Document("search.keys", "l|t:ACADEMIA|c:BG"),
                    new Document("$and", List.of(new Document("search.keys", "l:ivan"),
                            new Document("search.keys", "l:petrov"))),
                    new Document("$and", List.of(new Document("search.keys", "l:mari"), new Document("search.tokens",
                            new Document("$in", List.of(java.util.regex.Pattern.compile("^мария"),
                                    java.util.regex.Pattern.compile("^maria")))))))) {
                assertIndexed(people.find(filter).sort(byName).skip(980).limit(20));
            }
            assertIndexed(people.find(new Document("profile.organisationId", "x").append("profile.listInDirectory", true))
                    .sort(byName));
            var listings = directory.getCollection("organisation_listings");
            Document byOrganisation = new Document("sortKey", 1).append("_id", 1);
            for (Document filter : List.of(new Document("keys", "o"), new Document("keys", "o:min"),
                    new Document("$and", List.of(new Document("keys", "o:ministry"), new Document("keys", "o|t:ACADEMIA"))))) {
                assertIndexed(listings.find(filter).sort(byOrganisation).limit(20));
            }
        }
    }

    private static void assertIndexed(FindIterable<Document> query) {
        String plan = query.explain().get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
        assertThat(plan).contains("IXSCAN").doesNotContain("COLLSCAN").doesNotContain("\"SORT\"");
    }

    @Override
    protected Stack stack() {
        return stack;
    }
}
