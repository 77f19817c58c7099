package org.eforum.localstack.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The rest of a query's answer, read from the collection as the client asks for it ({@code getMore}) instead of
 * held in the store's heap from the start, as mongo-java-server's in-memory cursor does: a scan of 100,000
 * documents then costs one batch of memory, not 100,000 documents.
 */
final class StreamingCursor extends AbstractCursor {

    /** A getMore without a batch size: MongoDB fills up to 16 MB; this many of our documents stay well below. */
    static final int DEFAULT_BATCH = 1000;

    private final Iterator<Document> documents;
    private final UnaryOperator<List<Document>> projection;

    StreamingCursor(long id, Iterator<Document> documents, UnaryOperator<List<Document>> projection) {
        super(id);
        this.documents = documents;
        this.projection = projection;
    }

    /** Up to {@code count} documents (a default batch when the client names none), projected. */
    static List<Document> take(Iterator<Document> documents, int count) {
        int wanted = count > 0 ? count : DEFAULT_BATCH;
        List<Document> batch = new ArrayList<>(Math.min(wanted, DEFAULT_BATCH));
        while (batch.size() < wanted && documents.hasNext()) {
            batch.add(documents.next());
        }
        return batch;
    }

    @Override
    public synchronized boolean isEmpty() {
        return !documents.hasNext();
    }

    @Override
    public synchronized List<Document> takeDocuments(int count) {
        return projection.apply(take(documents, count));
    }
}
