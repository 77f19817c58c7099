package org.eforum.localstack.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique (secondary) index, which mongo-java-server itself only accepts and ignores: every query then scans
 * the whole collection. This one answers what our hot paths ask, as MongoDB's B-tree indexes do: equality (or
 * {@code $in} on the last such key) on a leading prefix of the index's keys, and, when the sort asks for the keys
 * that follow that prefix in index order, the documents in that order, so {@code limit} stops early.
 *
 * <p>Its entries ({@link IndexKeys}: key values, then the document's id) are a sorted map in the store file, written
 * in the same commit as the documents, so it never disagrees with them, costs no heap beyond MVStore's page cache
 * and needs no rebuild when the store opens. A count of a prefix is two rank lookups in that map, unless a document
 * can have several entries there (an array among the keys after the prefix).
 */
final class OrderedIndex extends Index<Object> {

    private final boolean[] descending;
    private final MVMap<byte[], Boolean> entries;
    /** The collection's meta map, which keeps {@link #repeated} beside the entries, in the same commits. */
    private final MVMap<String, Object> meta;
    private final String repeatedKey;
    /** Bit i: some document has entries that differ in key i (an array there), so a range can hold it twice. */
    private volatile int repeated;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<byte[], Boolean> entries,
            MVMap<String, Object> meta) {
        super(name, keys, sparse);
        descending = new boolean[keys.size()];
        for (int i = 0; i < descending.length; i++) {
            descending[i] = !keys.get(i).isAscending();
        }
        this.entries = entries;
        this.meta = meta;
        this.repeatedKey = "index." + name + ".repeatedKeys";
        this.repeated = meta.get(repeatedKey) instanceof Integer bits ? bits : 0;
    }

    // --- maintenance -------------------------------------------------------------------------------------------

    private List<byte[]> entriesOf(Document document, Object position) {
        List<List<Object>> keyValues = new ArrayList<>();
        for (KeyValue keyValue : getKeyValues(document)) {
            if (isSparse() && keyValue.stream().allMatch(value -> value == null || value instanceof Missing)) {
                continue;
            }
            keyValues.add(keyValue.stream().toList());
        }
        if (keyValues.size() > 1) {
            noteRepeatedKeys(keyValues);
        }
        List<byte[]> result = new ArrayList<>(keyValues.size());
        for (List<Object> values : keyValues) {
            result.add(IndexKeys.encode(values, descending, position));
        }
        return result;
    }

    private void noteRepeatedKeys(List<List<Object>> keyValues) {
        int bits = 0;
        List<Object> first = keyValues.get(0);
        for (List<Object> values : keyValues) {
            for (int i = 0; i < values.size(); i++) {
                if (!Objects.equals(values.get(i), first.get(i))) {
                    bits |= 1 << i;
                }
            }
        }
        if ((repeated | bits) != repeated) {
            synchronized (this) {
                repeated |= bits;
                meta.put(repeatedKey, repeated);
            }
        }
    }

    private static Object positionOf(Document document) {
        return document.get("_id");
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        entriesOf(document, position).forEach(entry -> entries.put(entry, Boolean.TRUE));
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        entriesOf(document, position).forEach(entries::remove);
        return position;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (nullAwareEqualsKeys(oldDocument, newDocument)) {
            return;
        }
        entriesOf(oldDocument, position).forEach(entries::remove);
        add(newDocument, position, collection);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public Object getPosition(Document document) {
        return null; // only unique indexes locate one document by its keys
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        entries.clear();
        meta.remove(repeatedKey);
        repeated = 0;
    }

    // --- queries -----------------------------------------------------------------------------------------------

    /**
     * How this index serves a query.
     *
     * @param prefixes the equality prefixes to read (more than one for {@code $in})
     * @param covered  true when the query asks nothing beyond those prefixes, so counting needs no document
     * @param ordered  true when reading the prefix in index order yields the order the query sorts by
     */
    record Plan(OrderedIndex index, List<Object[]> prefixes, boolean covered, boolean ordered) {

        int keys() {
            return prefixes.get(0).length;
        }

        /** The ids of the matching candidates, lazily and in index order. */
        Stream<Object> positions() {
            return index.positions(prefixes);
        }

        long count() {
            return index.count(prefixes);
        }
    }

    /** @return the plan, or null when the query has no equality on this index's first key */
    Plan plan(Document query, Document orderBy) {
        Map<String, List<Object>> conditions = new java.util.LinkedHashMap<>();
        boolean onlyConditions = flatten(query, conditions);
        List<String> keys = keys();
        List<List<Object>> alternatives = new ArrayList<>();
        alternatives.add(new ArrayList<>());
        boolean in = false;
        for (String key : keys) {
            if (!conditions.containsKey(key)) {
                break;
            }
            List<Object> keyConditions = conditions.get(key);
            Object value = alternatives.size() == 1 ? mostSelectiveEquality(alternatives.get(0), keyConditions)
                    : equalityValue(keyConditions.get(0));
            value = value == null ? null : normalized(value);
            if (value != null) {
                Object prefixValue = value;
                alternatives.forEach(prefix -> prefix.add(prefixValue));
                continue;
            }
            List<Object> values = inValues(keyConditions.get(0));
            if (values != null) {
                List<List<Object>> expanded = new ArrayList<>();
                for (List<Object> prefix : alternatives) {
                    for (Object candidate : values) {
                        List<Object> longer = new ArrayList<>(prefix);
                        longer.add(normalized(candidate));
                        expanded.add(longer);
                    }
                }
                alternatives = expanded;
                in = true;
            }
            break; // an $in, a range or anything else ends the usable prefix
        }
        int used = alternatives.get(0).size();
        if (used == 0) {
            return null;
        }
        List<Object[]> prefixes = alternatives.stream().map(List::toArray).toList();
        boolean covered = onlyConditions && conditions.size() == used;
        boolean ordered = !in && followsIndexOrder(orderBy, used);
        return new Plan(this, prefixes, covered, ordered);
    }

    /**
     * Of several equalities on one key (an array field asked for two values, {@code $and} of both), the one whose
     * prefix has the fewest entries, counted in the index: the others are then checked on that many documents only.
     */
    private Object mostSelectiveEquality(List<Object> prefix, List<Object> keyConditions) {
        Object best = null;
        long fewest = Long.MAX_VALUE;
        for (Object condition : keyConditions) {
            Object value = equalityValue(condition);
            if (value == null) {
                continue;
            }
            if (keyConditions.size() == 1) {
                return value;
            }
            Object candidate = normalized(value);
            List<Object> longer = new ArrayList<>(prefix);
            longer.add(candidate);
            long entries = entriesStartingWith(encode(longer.toArray()));
            if (entries < fewest) {
                fewest = entries;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Collects the field conditions a document must meet, including those inside a top-level {@code $and} (the
     * Java driver's {@code Filters.and} writes one).
     *
     * @return false when the query has more than one condition per field ({@code $or}, a field named twice, …)
     */
    private static boolean flatten(Map<String, Object> query, Map<String, List<Object>> conditions) {
        boolean only = true;
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String key = entry.getKey();
            if (key.equals("$and") && entry.getValue() instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        only &= flatten(document, conditions);
                    } else {
                        only = false;
                    }
                }
            } else if (key.startsWith("$")) {
                only = false;
            } else {
                List<Object> keyConditions = conditions.computeIfAbsent(key, k -> new ArrayList<>());
                keyConditions.add(entry.getValue());
                only &= keyConditions.size() == 1;
            }
        }
        return only;
    }

    /** A sort on the keys after the prefix, in the index's directions, optionally ending with {@code _id} ascending. */
    private boolean followsIndexOrder(Document orderBy, int used) {
        if (orderBy == null || orderBy.isEmpty()) {
            return true;
        }
        List<String> keys = keys();
        int next = used;
        List<Map.Entry<String, Object>> sort = new ArrayList<>(orderBy.entrySet());
        for (int i = 0; i < sort.size(); i++) {
            String field = sort.get(i).getKey();
            boolean asc = Objects.equals(normalized(sort.get(i).getValue()), 1.0);
            if (next < keys.size() && field.equals(keys.get(next)) && asc != descending[next]) {
                next++;
            } else if (i == sort.size() - 1 && field.equals("_id") && asc && next == keys.size()) {
                return true; // ties in the index are ordered by id already
            } else {
                return false;
            }
        }
        return true;
    }

    /** The value as the index stores it (numbers compared as numbers, and so on). */
    private static Object normalized(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    private static Object equalityValue(Object condition) {
        if (condition instanceof Document document) {
            if (document.size() == 1 && document.containsKey("$eq")) {
                return plain(document.get("$eq"));
            }
            return null;
        }
        return plain(condition);
    }

    private static List<Object> inValues(Object condition) {
        if (condition instanceof Document document && document.size() == 1
                && document.get("$in") instanceof Collection<?> values && !values.isEmpty()) {
            List<Object> result = new ArrayList<>();
            for (Object value : values) {
                Object plain = plain(value);
                if (plain == null) {
                    return null;
                }
                result.add(plain);
            }
            return result;
        }
        return null;
    }

    /** A value whose equality the index decides exactly; arrays, documents, regexes and null are left to a scan. */
    private static Object plain(Object value) {
        if (value == null || value instanceof Document || value instanceof Collection || value instanceof Map
                || value instanceof Pattern || BsonRegularExpression.isRegularExpression(value)
                || value.getClass().isArray()) {
            return null;
        }
        return value;
    }

    private Stream<Object> positions(List<Object[]> prefixes) {
        Stream<Object> positions = prefixes.stream().flatMap(prefix -> positions(encode(prefix), prefix.length));
        // A document with an array among the keys read (the $in's or later ones) can have several entries: once each.
        return mayRepeat(prefixes) ? positions.distinct() : positions;
    }

    private Stream<Object> positions(byte[] prefix, int length) {
        Iterator<byte[]> keys = entries.keyIterator(prefix);
        Spliterator<byte[]> spliterator = Spliterators.spliteratorUnknownSize(keys, Spliterator.ORDERED);
        return StreamSupport.stream(spliterator, false)
                .takeWhile(entry -> IndexKeys.startsWith(entry, prefix))
                .map(entry -> IndexKeys.position(entry, keys().size(), descending));
    }

    private boolean mayRepeat(List<Object[]> prefixes) {
        int length = prefixes.get(0).length;
        int from = prefixes.size() > 1 ? length - 1 : length; // an $in's values can all be in one document's array
        return (repeated >>> from) != 0;
    }

    private long count(List<Object[]> prefixes) {
        if (mayRepeat(prefixes)) {
            return positions(prefixes).count();
        }
        long count = 0;
        for (Object[] prefix : prefixes) {
            count += entriesStartingWith(encode(prefix));
        }
        return count;
    }

    /** How many entries start with {@code prefix}: two rank lookups, no walk. */
    private long entriesStartingWith(byte[] prefix) {
        byte[] after = IndexKeys.after(prefix);
        return (after == null ? entries.sizeAsLong() : rank(after)) - rank(prefix);
    }

    /** How many entries sort before {@code key}. */
    private long rank(byte[] key) {
        long index = entries.getKeyIndex(key);
        return index >= 0 ? index : -index - 1;
    }

    private byte[] encode(Object[] prefix) {
        return IndexKeys.encode(Arrays.asList(prefix), descending);
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // queries reach this index through IndexedH2Collection's planner, not the generic loop
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexedH2Collection");
    }

    Set<String> keyNames() {
        return keySet();
    }
}
