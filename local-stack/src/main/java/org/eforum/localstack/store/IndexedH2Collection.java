package org.eforum.localstack.store;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An H2-backed collection whose queries use the {@link OrderedIndex secondary indexes}: a unique index that matches
 * the query exactly comes first (as in mongo-java-server), else the secondary index with the longest equality
 * prefix, else the whole collection is scanned. A count that the chosen index covers reads no document.
 * <p>
 * Every write is recorded in the store's {@link Journal}: the collection is touched before it changes, and each
 * document it leaves behind (or removes) is appended as it is written.
 */
final class IndexedH2Collection extends H2Collection {

    private final MVMap<Object, Document> documents;
    private final Journal journal;
    /** mongo-java-server's own bookkeeping (system.namespaces, system.indexes) changes only with a checkpoint. */
    private final boolean journaled;

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
            Journal journal) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.documents = dataMap;
        this.journal = journal;
        this.journaled = !collectionName.startsWith("system.");
    }

    // --- the journal ---------------------------------------------------------------------------------------------

    private void touch() {
        if (journaled) {
            journal.touch(getDatabase().getDatabaseName(), getCollectionName());
        }
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        if (journaled) {
            journal.image(getDatabase().getDatabaseName(), getCollectionName(), document);
        }
        return position;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        if (journaled) {
            journal.image(getDatabase().getDatabaseName(), getCollectionName(), newDocument);
        }
    }

    @Override
    protected void removeDocument(Object position) {
        super.removeDocument(position);
        if (journaled) {
            journal.removal(getDatabase().getDatabaseName(), getCollectionName(), position);
        }
    }

    @Override
    public void addDocument(Document document) {
        touch();
        super.addDocument(document);
    }

    @Override
    public void addDocuments(Stream<Document> documents) {
        touch();
        super.addDocuments(documents);
    }

    @Override
    public List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
        touch();
        return super.insertDocuments(documents, isOrdered);
    }

    /**
     * Set while an update or findAndModify runs. mongo-java-server applies an update to the very document its query
     * returned, in place; the stored one may at that moment be serialised by a checkpoint (or encoded for another
     * client's answer), so such a query answers copies ({@link #matchDocumentsFromStream}, which every query
     * passes).
     */
    private static final ThreadLocal<Boolean> MODIFYING = ThreadLocal.withInitial(() -> false);

    @Override
    public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean isMulti,
            boolean isUpsert, Oplog oplog) {
        touch();
        MODIFYING.set(true);
        try {
            return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            MODIFYING.set(false);
        }
    }

    @Override
    public int deleteDocuments(Document selector, int limit, Oplog oplog) {
        touch();
        return super.deleteDocuments(selector, limit, oplog);
    }

    @Override
    public Document findAndModify(Document query) {
        touch();
        MODIFYING.set(true);
        try {
            return super.findAndModify(query);
        } finally {
            MODIFYING.set(false);
        }
    }

    @Override
    public void removeDocument(Document document) {
        touch();
        super.removeDocument(document);
    }

    /** Recovery: the document with this id becomes {@code image}, or goes when it is null; indexes are left alone. */
    void recover(Object id, Document image) {
        if (image == null) {
            documents.remove(Missing.ofNullable(id));
        } else {
            documents.put(Missing.ofNullable(id), image);
        }
    }

    /** Recovery: every index is rebuilt from the documents, which the journal made exact. */
    void rebuildIndexes() {
        List<Index<Object>> indexes = getIndexes();
        indexes.forEach(Index::drop);
        documents.forEach((position, document) -> indexes.forEach(index -> index.add(document, position, this)));
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        if (uniqueIndexFor(query).isPresent()) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Iterable<Object> byUniqueKeys = uniqueKeyPositions(query);
        if (byUniqueKeys != null) {
            // e.g. {_id: …, status: …, sequence: …}: the guarded updates. The unique key finds the document, the rest
            // of the query is checked on it.
            return matchDocuments(query, byUniqueKeys, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        OrderedIndex.Plan plan = bestPlan(query, orderBy);
        if (plan == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // In index order the stream needs no sort, and limit stops reading documents early. When the index also
        // decides the whole query, the skipped entries are passed over without reading their documents (a deep page).
        Document sort = plan.ordered() ? null : orderBy;
        Stream<Object> positions = plan.positions();
        int skip = numberToSkip;
        if (plan.ordered() && plan.covered() && skip > 0) {
            positions = positions.skip(skip);
            skip = 0;
        }
        return matchDocumentsFromStream(positions.map(this::getDocument).filter(Objects::nonNull), query, sort,
                skip, limit, batchSize, fieldSelector);
    }

    /** Set while a client's find runs, whose answer may come in batches; internal queries want everything at once. */
    private static final ThreadLocal<Boolean> CLIENT_FIND = ThreadLocal.withInitial(() -> false);

    /** MongoDB's first batch when the client names no batch size. */
    private static final int FIRST_BATCH = 101;

    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
        CLIENT_FIND.set(true);
        try {
            return super.handleQuery(parameters);
        } finally {
            CLIENT_FIND.set(false);
        }
    }

    /**
     * The store's own reads of a query's documents (an aggregation reads its collection this way): every match at
     * once. Through {@link #handleQuery(QueryParameters)} they would get a client's first batch only, and an
     * aggregation would see the first 101 documents of the collection.
     */
    @Override
    public QueryResult handleQuery(Document query, int numberToSkip, int limit) {
        return super.handleQuery(new QueryParameters(query, numberToSkip, limit));
    }

    /**
     * A client's find answers its first batch and keeps the rest as a {@link StreamingCursor} (MongoDB's own
     * batching: 101 documents first unless the client asks otherwise), so no query holds its whole answer in the
     * store's heap. A sort the index does not give still reads everything once, to sort it.
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int numberToSkip,
            int limit, int batchSize, Comparator<Document> comparator, Document fieldSelector) {
        if (MODIFYING.get()) {
            Stream<Document> stored = documents;
            documents = stored.filter(document -> documentMatchesQuery(document, query)).map(Document::cloneDeeply);
        }
        if (!CLIENT_FIND.get()) {
            return super.matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, comparator,
                    fieldSelector);
        }
        CLIENT_FIND.set(false); // nested queries (none today) would want everything
        Stream<Document> matching = documents.filter(document -> documentMatchesQuery(document, query));
        if (comparator != null) {
            matching = matching.sorted(comparator);
        }
        if (numberToSkip > 0) {
            matching = matching.skip(numberToSkip);
        }
        if (limit > 0) {
            matching = matching.limit(limit);
        }
        Iterator<Document> iterator = matching.iterator();
        UnaryOperator<List<Document>> projection = batch -> fieldSelector == null || fieldSelector.isEmpty() ? batch
                : super.matchDocumentsFromStream(new Document(), batch.stream(), 0, 0, 0, null, fieldSelector)
                        .collectDocuments();
        List<Document> first = projection.apply(
                StreamingCursor.take(iterator, batchSize > 0 ? batchSize : FIRST_BATCH));
        if (!iterator.hasNext()) {
            return new QueryResult(first);
        }
        StreamingCursor cursor = new StreamingCursor(cursorRegistry.generateCursorId(), iterator, projection);
        cursorRegistry.add(cursor);
        return new QueryResult(first, cursor);
    }

    @Override
    public int count(Document query, int skip, int limit) {
        if (query != null && !query.isEmpty() && uniqueIndexFor(query).isEmpty()) {
            OrderedIndex.Plan plan = bestPlan(query, null);
            if (plan != null) {
                // Covered: counted in the index alone. Else only the index's candidates are read and matched.
                long count = plan.covered() ? plan.count()
                        : plan.positions().map(this::getDocument)
                                .filter(document -> document != null && documentMatchesQuery(document, query)).count();
                count = Math.max(0, count - Math.max(skip, 0));
                return (int) (limit > 0 ? Math.min(limit, count) : count);
            }
        }
        return super.count(query, skip, limit);
    }

    /** Positions from a unique index all of whose keys the query names with a plain value or {@code $in}. */
    private Iterable<Object> uniqueKeyPositions(Document query) {
        for (Index<Object> index : getIndexes()) {
            if (!index.isUnique()) {
                continue;
            }
            Document keys = new Document();
            for (IndexKey key : index.getKeys()) {
                Object condition = query.get(key.getKey());
                if (condition == null || !exactOrIn(condition)) {
                    keys = null;
                    break;
                }
                keys.put(key.getKey(), condition);
            }
            if (keys != null && index.canHandle(keys)) {
                return index.getPositions(keys);
            }
        }
        return null;
    }

    private static boolean exactOrIn(Object condition) {
        if (condition instanceof Document document) {
            return document.size() == 1 && document.get("$in") instanceof java.util.Collection<?>;
        }
        return !(condition instanceof java.util.Collection<?>) && !(condition instanceof java.util.regex.Pattern);
    }

    private Optional<Index<Object>> uniqueIndexFor(Document query) {
        return getIndexes().stream().filter(Index::isUnique).filter(index -> index.canHandle(query)).findFirst();
    }

    private OrderedIndex.Plan bestPlan(Document query, Document orderBy) {
        return getIndexes().stream()
                .filter(OrderedIndex.class::isInstance).map(OrderedIndex.class::cast)
                .map(index -> index.plan(query, orderBy)).filter(Objects::nonNull)
                .max(Comparator.comparingInt(OrderedIndex.Plan::keys)
                        .thenComparing(OrderedIndex.Plan::ordered)
                        .thenComparing(OrderedIndex.Plan::covered))
                .orElse(null);
    }
}
