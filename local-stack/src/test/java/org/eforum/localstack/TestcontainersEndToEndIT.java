package org.eforum.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
        // The mail server still runs from the local stack's class path.
        String classpath = Files.readString(Path.of(System.getProperty("eforum.runtime-classpath",
                root.resolve("local-stack/target/runtime.classpath").toString()))).trim();
        stack = Stack.start(new Stack.Options(root, Ports.free(), root.resolve("local-stack/target/e2e-testcontainers"),
                JavaRuntime.newest(), classpath, KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl("eforum"),
                EnumSet.of(App.REGISTRATION, App.DIRECTORY, App.NOTIFICATION), true));
    }

    @AfterAll
    static void stopApps() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * Every query on a hot path is served by an index the app declared: MongoDB's own query planner says so
     * ({@code explain}), with no collection scan, once the apps have started and created their indexes.
     */
    @Test
    void hotPathQueriesUseTheirIndexes() {
        try (MongoClient client = MongoClients.create(MONGO.getReplicaSetUrl("eforum"))) {
            MongoDatabase registration = client.getDatabase("eforum-registration");
            // Every collection the relay polls: a new outbox source without its index once scanned per pass.
            for (String outbox : List.of("person_keys", "conferences", "registrations", "erasures",
                    "organiser_invitations")) {
                assertIndexed(registration, outbox, new Document("outboxPending", true),
                        new Document("outboxPendingSince", 1), 200, "outboxPending_1_outboxPendingSince_1");
            }
            assertIndexed(registration, "registrations", new Document("conferenceId", "c").append("status", "WAITLISTED"),
                    new Document("registeredAt", 1).append("_id", 1), 1, "waitlist_order");
            assertIndexed(registration, "registrations", new Document("conferenceId", "c").append("status", "CONFIRMED"),
                    null, 0, "waitlist_order");
            assertIndexed(registration, "registrations", new Document("conferenceId", "c").append("emailKey", "a@b.c"),
                    null, 1, "one_registration_per_email");
            assertIndexed(registration, "registrations", new Document("emailKey", "a@b.c"), null, 0, "by_email");
            assertIndexed(registration, "registrations", new Document("status", "CONFIRMED"), null, 0, "by_status");
            MongoDatabase notification = client.getDatabase("eforum-notification");
            assertIndexed(notification, "deliveries", new Document("registrationId", "r"),
                    new Document("createdAt", 1).append("_id", 1), 0, "registration_log");
            assertIndexed(notification, "deliveries", new Document("eventId", "e").append("status", "RETRYING"),
                    null, 0, "event");
        }
    }

    private static void assertIndexed(MongoDatabase database, String collection, Document filter, Document sort,
            int limit, String index) {
        var find = database.getCollection(collection).find(filter).limit(limit);
        if (sort != null) {
            find = find.sort(sort);
        }
        String plan = find.explain().toJson();
        assertThat(plan).as("%s %s", collection, filter).contains("IXSCAN").doesNotContain("COLLSCAN");
        if (index != null) {
            assertThat(plan).as("%s %s", collection, filter).contains("\"indexName\": \"" + index + "\"");
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
                assertIndexWalk(people.find(filter).sort(byName).skip(980).limit(20));
            }
            assertIndexWalk(people.find(new Document("profile.organisationId", "x").append("profile.listInDirectory", true))
                    .sort(byName));
            var listings = directory.getCollection("organisation_listings");
            Document byOrganisation = new Document("sortKey", 1).append("_id", 1);
            for (Document filter : List.of(new Document("keys", "o"), new Document("keys", "o:min"),
                    new Document("$and", List.of(new Document("keys", "o:ministry"), new Document("keys", "o|t:ACADEMIA"))))) {
                assertIndexWalk(listings.find(filter).sort(byOrganisation).limit(20));
            }
        }
    }

    private static void assertIndexWalk(FindIterable<Document> query) {
        String plan = query.explain().get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
        assertThat(plan).contains("IXSCAN").doesNotContain("COLLSCAN").doesNotContain("\"SORT\"");
    }

    @Override
    protected Stack stack() {
        return stack;
    }
}
