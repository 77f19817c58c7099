package org.eforum.localstack.store;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * A unique index kept in the store file as a sorted map of {@link IndexKeys} bytes → the document's id, committed
 * with the documents (no rebuild when the store opens, no heap beyond the page cache). The H2 backend's own index
 * keeps its keys through Java serialization instead, several times larger for data the documents already hold.
 */
final class StoredUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<byte[], Object> positions;
    private final int size;

    StoredUniqueIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<byte[], Object> positions) {
        super(name, keys, sparse);
        this.positions = positions;
        this.size = keys.size();
    }

    private static byte[] key(KeyValue keyValue) {
        return IndexKeys.encode(keyValue.normalized().stream().toList(), null);
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return positions.remove(key(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return positions.putIfAbsent(key(keyValue), position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> positions.entrySet().stream()
                .<Map.Entry<KeyValue, Object>>map(entry -> new AbstractMap.SimpleImmutableEntry<>(
                        new KeyValue(IndexKeys.values(entry.getKey(), size, null)), entry.getValue()))
                .iterator();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return positions.get(key(keyValue));
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        positions.clear();
    }
}
