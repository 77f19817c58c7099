package org.eforum.localstack.store;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/** mongo-java-server's H2 database with real secondary indexes ({@link OrderedIndex}) on its collections. */
final class IndexedH2Database extends H2Database {

    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";

    private final MVStore mvStore;
    private final Journal journal;

    private IndexedH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry, Journal journal) {
        super(databaseName, mvStore, cursorRegistry);
        this.mvStore = mvStore;
        this.journal = journal;
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVMap<byte[], Boolean> entries = store().openMap(indexMapName(collectionName, indexName),
                new MVMap.Builder<byte[], Boolean>().keyType(IndexEntryType.INSTANCE).valueType(NoValueType.INSTANCE));
        MVMap<String, Object> meta = store().openMap(META_PREFIX + getFullCollectionNamespace(collectionName));
        return new OrderedIndex(indexName, keys, sparse, entries, meta);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVMap<byte[], Object> positions = store().openMap(indexMapName(collectionName, indexName),
                new MVMap.Builder<byte[], Object>().keyType(IndexEntryType.INSTANCE).valueType(PositionType.INSTANCE));
        return new StoredUniqueIndex(indexName, keys, sparse, positions);
    }

    /** The H2 backend's own name for an index's map, so its dropIndex and drop remove ours too. */
    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName;
    }

    /**
     * mongo-java-server answers each connection on its own thread and creates a collection unguarded: two apps
     * that insert into, or declare an index on, the same new collection at once (two instances starting together)
     * would both create it, one would get a duplicate-key error for the namespace, and the other's indexes would
     * hang on a collection object nobody reads. Creating and indexing are rare, so they take turns here.
     */
    @Override
    protected MongoCollection<Object> resolveOrCreateCollection(String collectionName) {
        MongoCollection<Object> existing = resolveCollection(collectionName, false);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            return super.resolveOrCreateCollection(collectionName);
        }
    }

    @Override
    public synchronized MongoCollection<Object> createCollectionOrThrowIfExists(String collectionName,
            CollectionOptions options) {
        return super.createCollectionOrThrowIfExists(collectionName, options);
    }

    @Override
    protected synchronized void addIndex(Document indexDescription) {
        super.addIndex(indexDescription);
    }

    /** The H2 backend leaves a dropped collection's index maps behind; a new collection of that name would find them. */
    @Override
    public synchronized void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String prefix = getFullCollectionNamespace(collectionName) + INDEX_INFIX;
        MVStore store = store();
        List.copyOf(store.getMapNames()).stream().filter(name -> name.startsWith(prefix))
                .forEach(store::removeMap);
    }

    /** The super constructor opens existing collections and indexes before this.mvStore is set. */
    private MVStore store() {
        return mvStore != null ? mvStore : OPENING.get().store();
    }

    private Journal journal() {
        return journal != null ? journal : OPENING.get().journal();
    }

    /** Recovery: the collection a journal record names, created if the last checkpoint did not have it yet. */
    IndexedH2Collection collectionForRecovery(String collectionName) {
        return (IndexedH2Collection) resolveOrCreateCollection(collectionName);
    }

    /**
     * mongo-java-server runs every aggregation over the whole collection, and the driver's {@code countDocuments}
     * (which Spring Data's {@code count} uses) is one: {@code $match} then {@code $group} with {@code $sum: 1}.
     * That shape, grouped by a constant, is answered by the collection's count, which an index covers.
     */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
            Oplog oplog) {
        if (command.equalsIgnoreCase("aggregate") && query.get("pipeline") instanceof List<?> pipeline) {
            Document counted = countDocuments(query.get(command).toString(), pipeline);
            if (counted != null) {
                return counted;
            }
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    private Document countDocuments(String collectionName, List<?> pipeline) {
        if (pipeline.size() < 2 || !(pipeline.get(0) instanceof Document first)
                || !(first.get("$match") instanceof Document filter)
                || !(pipeline.get(pipeline.size() - 1) instanceof Document last)
                || !(last.get("$group") instanceof Document group) || first.size() != 1 || last.size() != 1
                || group.size() != 2 || !group.containsKey("_id")) {
            return null;
        }
        Object id = group.get("_id");
        if (id instanceof String path && path.startsWith("$") || id instanceof Document) {
            return null; // grouped by a field or an expression: one count per group, which only the aggregation gives
        }
        String field = group.keySet().stream().filter(key -> !key.equals("_id")).findFirst().orElseThrow();
        if (!(group.get(field) instanceof Document sum) || !sum.equals(new Document("$sum", 1))) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
            if (stage instanceof Document document && document.size() == 1 && document.get("$skip") instanceof Number n) {
                skip = n.intValue();
            } else if (stage instanceof Document document && document.size() == 1
                    && document.get("$limit") instanceof Number n) {
                limit = n.intValue();
            } else {
                return null;
            }
        }
        MongoCollection<?> collection = resolveCollection(collectionName, false);
        int count = collection == null ? 0 : collection.count(filter, skip, limit);
        List<Document> batch = count == 0 ? List.of()
                : List.of(new Document("_id", group.get("_id")).append(field, count));
        Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName))
                .append("firstBatch", batch);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVStore store = store();
        MVMap<Object, Document> dataMap = store.openMap(DATABASES_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        MVMap<String, Object> metaMap = store.openMap(META_PREFIX + fullName);
        return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry, journal());
    }

    /** Opens a database; the super constructor calls back into this class before its fields are set. */
    static IndexedH2Database open(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry,
            Journal journal) {
        OPENING.set(new Opening(mvStore, journal));
        try {
            return new IndexedH2Database(databaseName, mvStore, cursorRegistry, journal);
        } finally {
            OPENING.remove();
        }
    }

    private record Opening(MVStore store, Journal journal) {
    }

    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();
}
