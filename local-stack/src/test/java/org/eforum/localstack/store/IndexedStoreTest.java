package org.eforum.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable store answers every query exactly as mongo-java-server's scanning memory backend does, with or
 * without its secondary indexes, and keeps its data and indexes across a restart.
 */
class IndexedStoreTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private MongoCollection<Document> durable(String file) {
        return collection(new MongoServer(backend(file, Checkpoints.DEFAULT_INTERVAL_MILLIS)));
    }

    private DurableH2Backend backend(String file, long checkpointMillis) {
        Path path = dir.resolve(file);
        MVStore store = new MVStore.Builder().fileName(path.toString()).autoCommitDisabled().open();
        return DurableH2Backend.open(store, StoreServer.journalOf(path), false, checkpointMillis);
    }

    /**
     * What the disk holds if the process died now: the store file and its journal copied while the store is open
     * (a SIGKILL leaves exactly what the operating system has been handed).
     */
    private String crashImage(String file) throws IOException {
        String copy = "crashed-" + file;
        Files.copy(dir.resolve(file), dir.resolve(copy));
        Path journal = StoreServer.journalOf(dir.resolve(file));
        Path copiedJournal = Files.createDirectories(StoreServer.journalOf(dir.resolve(copy)));
        try (Stream<Path> segments = Files.list(journal)) {
            for (Path segment : segments.toList()) {
                Files.copy(segment, copiedJournal.resolve(segment.getFileName()));
            }
        }
        return copy;
    }

    private MongoCollection<Document> scanning() {
        return collection(new MongoServer(new MemoryBackend()));
    }

    private MongoCollection<Document> collection(MongoServer server) {
        InetSocketAddress address = server.bind();
        open.add(server::shutdownNow);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        open.add(client);
        return client.getDatabase("test").getCollection("registrations");
    }

    private static void declareIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("conferenceId", "status", "registeredAt"));
        collection.createIndex(Indexes.ascending("outboxPending", "outboxPendingSince"));
        collection.createIndex(Indexes.ascending("listed", "keys", "name"));
    }

    private static List<Document> documents(int count) {
        Random random = new Random(42);
        List<Document> documents = new ArrayList<>();
        String[] statuses = {"CONFIRMED", "WAITLISTED", "CANCELLED"};
        String[] words = {"ana", "an", "petrova", "pe", "ivan", "iv", "maria", "ma"};
        for (int i = 0; i < count; i++) {
            Document document = new Document("_id", "r" + i)
                    .append("conferenceId", "c" + random.nextInt(5))
                    .append("status", statuses[random.nextInt(statuses.length)])
                    .append("registeredAt", new Date(1_700_000_000_000L + random.nextInt(1_000_000)))
                    .append("outboxPending", random.nextInt(10) == 0)
                    .append("listed", random.nextBoolean())
                    .append("keys", List.of(words[random.nextInt(words.length)], words[random.nextInt(words.length)]))
                    .append("name", "n" + random.nextInt(500));
            if (document.getBoolean("outboxPending")) {
                document.append("outboxPendingSince", new Date(1_700_000_000_000L + random.nextInt(1_000_000)));
            }
            documents.add(document);
        }
        return documents;
    }

    /**
     * The queries our services send on their hot paths, and a few the planner must refuse to shortcut. Each sort
     * ends with {@code _id}: MongoDB leaves the order of ties open, so only a full order can be compared.
     */
    private static List<Function<MongoCollection<Document>, Object>> queries() {
        List<Function<MongoCollection<Document>, Object>> queries = new ArrayList<>();
        Bson waitlisted = Filters.and(Filters.eq("conferenceId", "c1"), Filters.eq("status", "WAITLISTED"));
        queries.add(c -> ids(c.find(waitlisted).sort(Sorts.ascending("registeredAt", "_id")).limit(1)));
        queries.add(c -> ids(c.find(waitlisted).sort(Sorts.ascending("registeredAt", "_id"))));
        queries.add(c -> c.countDocuments(waitlisted));
        queries.add(c -> c.countDocuments(Filters.eq("conferenceId", "c3")));
        queries.add(c -> ids(c.find(Filters.eq("outboxPending", true)).sort(Sorts.ascending("outboxPendingSince", "_id")).limit(7)));
        queries.add(c -> c.countDocuments(Filters.eq("outboxPending", true)));
        queries.add(c -> ids(c.find(Filters.and(Filters.eq("outboxPending", true), Filters.ne("outboxPendingSince", null)))
                .sort(Sorts.ascending("outboxPendingSince", "_id")).limit(1)));
        queries.add(c -> ids(c.find(Filters.and(Filters.eq("listed", true), Filters.eq("keys", "pe")))
                .sort(Sorts.ascending("name", "_id")).skip(3).limit(10)));
        queries.add(c -> c.countDocuments(Filters.and(Filters.eq("listed", true), Filters.eq("keys", "ma"))));
        queries.add(c -> ids(c.find(Filters.and(Filters.eq("conferenceId", "c2"),
                Filters.in("status", "CONFIRMED", "CANCELLED"))).sort(Sorts.orderBy(Sorts.descending("registeredAt"), Sorts.ascending("_id"))).limit(5)));
        queries.add(c -> ids(c.find(Filters.and(Filters.eq("listed", true), Filters.gt("name", "n40")))
                .sort(Sorts.ascending("_id")).limit(10)));
        queries.add(c -> ids(c.find(Filters.and(Filters.eq("_id", "r5"), Filters.eq("status", "CONFIRMED")))));
        queries.add(c -> ids(c.find(new Document("_id", "r6").append("status", new Document("$ne", "X")))));
        queries.add(c -> ids(c.find(Filters.and(Filters.in("_id", "r1", "r2", "r3", "r4", "r9"), Filters.eq("listed", true)))
                .sort(Sorts.ascending("_id"))));
        queries.add(c -> c.updateMany(Filters.and(Filters.in("_id", "r10", "r11", "r12"), Filters.eq("listed", false)),
                Updates.set("name", "renamed")).getModifiedCount());
        queries.add(c -> ids(c.find(Filters.eq("name", "renamed")).sort(Sorts.ascending("_id"))));
        queries.add(c -> ids(c.find(Filters.eq("listed", false)).sort(Sorts.orderBy(Sorts.descending("name"), Sorts.ascending("_id"))).limit(4)));
        // Arrays: a document has an entry per element, yet is counted and returned once.
        queries.add(c -> c.countDocuments(Filters.eq("listed", true)));
        queries.add(c -> c.countDocuments(Filters.and(Filters.eq("listed", true), Filters.in("keys", "pe", "ma"))));
        queries.add(c -> ids(c.find(Filters.and(Filters.eq("listed", true), Filters.in("keys", "pe", "ma")))
                .sort(Sorts.ascending("_id"))));
        queries.add(c -> c.countDocuments(Filters.eq("registeredAt", new Date(1_700_000_000_000L + 77))));
        // Counts the index narrows but cannot decide alone, and a counted page.
        queries.add(c -> c.countDocuments(Filters.and(Filters.eq("conferenceId", "c2"), Filters.regex("name", "^n1"))));
        queries.add(c -> c.countDocuments(Filters.and(Filters.eq("listed", true), Filters.eq("keys", "pe"),
                Filters.gt("name", "n3"))));
        queries.add(c -> c.countDocuments(Filters.eq("conferenceId", "c0"), new CountOptions().skip(10).limit(25)));
        // A group by a field has the shape of a count, but is one count per value (the organisers' counts by type).
        queries.add(c -> c.aggregate(List.of(Aggregates.match(Filters.eq("conferenceId", "c2")),
                Aggregates.group("$status", Accumulators.sum("count", 1)))).into(new ArrayList<>()).stream()
                .sorted(java.util.Comparator.comparing(group -> group.getString("_id"))).toList());
        // Answers larger than a batch come through getMore, projected as asked.
        queries.add(c -> ids(c.find(Filters.eq("listed", false)).sort(Sorts.ascending("_id"))));
        queries.add(c -> c.find().projection(new Document("name", 1)).sort(Sorts.ascending("_id")).batchSize(250)
                .into(new ArrayList<>()));
        queries.add(c -> ids(c.find()).stream().map(Object::toString).sorted().toList());
        // Two values of one array field: the rarer one is read, the other checked.
        queries.add(c -> ids(c.find(Filters.and(Filters.eq("listed", true), Filters.eq("keys", "ana"), Filters.eq("keys", "iv")))
                .sort(Sorts.ascending("_id"))));
        return queries;
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    /**
     * Two instances of an app start at once against a fresh store: each declares the same indexes on the same new
     * collections while the other writes to them. Every call succeeds, and each collection ends with one set of
     * indexes that every write went through (a unique index refuses a duplicate made by either client).
     */
    @Test
    void appsStartingAtOnceCreateTheSameCollectionsAndIndexesWithoutError() throws Exception {
        MongoServer server = new MongoServer(backend("store.mv", Checkpoints.DEFAULT_INTERVAL_MILLIS));
        InetSocketAddress address = server.bind();
        open.add(server::shutdownNow);
        int clients = 6;
        int collections = 50;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(clients);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                    for (int i = 0; i < collections; i++) {
                        start.await(30, java.util.concurrent.TimeUnit.SECONDS); // each collection by all at once
                        MongoCollection<Document> collection = mongo.getDatabase("test").getCollection("c" + i);
                        collection.createIndex(Indexes.ascending("key"),
                                new com.mongodb.client.model.IndexOptions().unique(true).name("key"));
                        collection.createIndex(Indexes.ascending("status", "at"));
                        collection.insertOne(new Document("_id", "d" + client).append("key", "k" + client)
                                .append("status", "NEW").append("at", client));
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<?> result : results) {
            result.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        open.add(mongo);
        for (int i = 0; i < collections; i++) {
            MongoCollection<Document> collection = mongo.getDatabase("test").getCollection("c" + i);
            assertThat(collection.countDocuments()).isEqualTo(clients);
            assertThat(collection.countDocuments(Filters.eq("status", "NEW"))).isEqualTo(clients);
            assertThat(collection.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("_id_", "key", "status_1_at_1");
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "again").append("key", "k0")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void answersLikeAFullScan() {
        MongoCollection<Document> indexed = durable("store.mv");
        MongoCollection<Document> reference = scanning();
        declareIndexes(indexed);
        List<Document> documents = documents(3000);
        indexed.insertMany(documents);
        reference.insertMany(documents);
        // Changes move documents between index entries: the answers must follow.
        for (MongoCollection<Document> collection : List.of(indexed, reference)) {
            collection.updateMany(Filters.eq("conferenceId", "c1"), Updates.set("status", "WAITLISTED"));
            collection.updateMany(Filters.eq("outboxPending", true), Updates.set("outboxPending", false));
            collection.updateMany(Filters.eq("conferenceId", "c4"),
                    Updates.combine(Updates.set("outboxPending", true), Updates.set("outboxPendingSince", new Date(5))));
            collection.deleteMany(Filters.eq("name", "n7"));
        }
        for (Function<MongoCollection<Document>, Object> query : queries()) {
            assertThat(query.apply(indexed)).isEqualTo(query.apply(reference));
        }
    }

    @Test
    void keepsDataAndIndexesAcrossARestart() throws Exception {
        MongoCollection<Document> before = durable("restart.mv");
        declareIndexes(before);
        before.insertMany(documents(500));
        queries().forEach(query -> query.apply(before)); // the update among them changes documents once
        List<Object> expected = queries().stream().map(query -> query.apply(before)).toList();
        close();
        open.clear();

        MongoCollection<Document> after = durable("restart.mv");
        assertThat(after.countDocuments()).isEqualTo(500);
        assertThat(queries().get(0).apply(after)).isNotEqualTo(List.of());
        assertThat(queries().stream().map(query -> query.apply(after)).toList()).isEqualTo(expected);
        assertThat(after.listIndexes().into(new ArrayList<>())).hasSize(4);
        // The unique _id index came back from the file too: a second r1 is refused.
        assertThatThrownBy(() -> after.insertOne(new Document("_id", "r1"))).isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
    }

    @Test
    void aStoreKilledBeforeItsCheckpointRecoversEveryAcknowledgedWriteFromItsJournal() throws Exception {
        // No checkpoint but the ones index declarations force: every write below is in the journal only.
        DurableH2Backend backend = backend("killed.mv", 3_600_000);
        MongoCollection<Document> killed = collection(new MongoServer(backend));
        MongoCollection<Document> reference = scanning();
        declareIndexes(killed);
        List<Document> documents = documents(2000);
        for (MongoCollection<Document> collection : List.of(killed, reference)) {
            collection.insertMany(documents);
            collection.updateMany(Filters.eq("conferenceId", "c1"), Updates.set("status", "WAITLISTED"));
            collection.updateMany(Filters.eq("conferenceId", "c4"),
                    Updates.combine(Updates.set("outboxPending", true), Updates.set("outboxPendingSince", new Date(5))));
            collection.deleteMany(Filters.eq("name", "n7"));
            collection.insertOne(new Document("_id", "late").append("name", "n7").append("listed", true));
        }
        long checkpointsBefore = backend.checkpoints();
        String image = crashImage("killed.mv");
        assertThat(backend.checkpoints()).as("no checkpoint ran while the image was taken").isEqualTo(checkpointsBefore);

        DurableH2Backend reopened = backend(image, Checkpoints.DEFAULT_INTERVAL_MILLIS);
        assertThat(reopened.recovered()).as("journal records recovered").isGreaterThan(2000);
        MongoCollection<Document> recovered = collection(new MongoServer(reopened));
        assertThat(recovered.countDocuments()).isEqualTo(reference.countDocuments());
        for (Function<MongoCollection<Document>, Object> query : queries()) {
            assertThat(query.apply(recovered)).isEqualTo(query.apply(reference));
        }
        assertThatThrownBy(() -> recovered.insertOne(new Document("_id", "late"))).isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
    }

    @Test
    void aRecordTornByTheKillIsIgnoredAndEverythingBeforeItKept() throws Exception {
        MongoCollection<Document> killed = collection(new MongoServer(backend("torn.mv", 3_600_000)));
        killed.createIndex(Indexes.ascending("name"));
        killed.insertMany(documents(300));
        String image = crashImage("torn.mv");
        try (Stream<Path> segments = Files.list(StoreServer.journalOf(dir.resolve(image)))) {
            Path last = segments.sorted().reduce((a, b) -> b).orElseThrow();
            // Half a record: a length that promises more than follows.
            Files.write(last, new byte[] {0, 0, 1, 0, 7, 7, 7, 7, 1, 2, 3}, StandardOpenOption.APPEND);
        }

        MongoCollection<Document> recovered = collection(new MongoServer(backend(image, 3_600_000)));
        assertThat(recovered.countDocuments()).isEqualTo(300);
        assertThat(recovered.countDocuments(Filters.eq("name", "n1"))).isEqualTo(
                documents(300).stream().filter(d -> d.get("name").equals("n1")).count());
    }

    @Test
    void aCleanStopLeavesNothingToRecover() throws Exception {
        MongoCollection<Document> before = durable("clean.mv");
        before.insertMany(documents(100));
        close();
        open.clear();

        DurableH2Backend reopened = backend("clean.mv", Checkpoints.DEFAULT_INTERVAL_MILLIS);
        assertThat(reopened.recovered()).isZero();
        assertThat(collection(new MongoServer(reopened)).countDocuments()).isEqualTo(100);
    }

    @Test
    void updatesRacingCheckpointsLeaveEveryDocumentWhole() throws Exception {
        // A checkpoint a millisecond: serialising the file's pages while updates change documents in place would
        // fail (and close the store) or write torn documents.
        DurableH2Backend backend = backend("racing.mv", 1);
        MongoCollection<Document> racing = collection(new MongoServer(backend));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            documents.add(new Document("_id", "d" + i).append("count", 0)
                    .append("nested", new Document("n", 0).append("tags", new ArrayList<>())));
        }
        racing.insertMany(documents);
        int threads = 8;
        int updates = 250;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                Random random = new Random(thread);
                for (int u = 0; u < updates; u++) {
                    String id = "d" + random.nextInt(50);
                    // Fields come and go, as an outbox's do: the document's shape changes, not only its values.
                    if (u % 2 == 0) {
                        racing.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("count", 1),
                                Updates.set("nested.n", u), Updates.push("nested.tags", "t" + u),
                                Updates.set("f" + u % 7, u), Updates.unset("f" + (u + 3) % 7)));
                    } else {
                        racing.findOneAndUpdate(Filters.eq("_id", id), Updates.combine(Updates.inc("count", 1),
                                Updates.push("nested.tags", "f" + u), Updates.set("g" + u % 5, u),
                                Updates.unset("g" + (u + 2) % 5)));
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        long total = 0;
        for (Document document : racing.find()) {
            total += document.getInteger("count");
            assertThat(document.get("nested", Document.class).getList("tags", String.class))
                    .hasSize(document.getInteger("count"));
        }
        assertThat(total).isEqualTo((long) threads * updates);
        assertThat(backend.checkpoints()).as("checkpoints ran meanwhile").isGreaterThan(10);

        DurableH2Backend reopened = backend(crashImage("racing.mv"), Checkpoints.DEFAULT_INTERVAL_MILLIS);
        long recoveredTotal = 0;
        for (Document document : collection(new MongoServer(reopened)).find()) {
            recoveredTotal += document.getInteger("count");
        }
        assertThat(recoveredTotal).isEqualTo(total);
    }
}
