package org.eforum.localstack.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique (secondary) index, which mongo-java-server itself only accepts and ignores: every query then scans
 * the whole collection. This one answers what our hot paths ask, as MongoDB's B-tree indexes do: equality (or
 * {@code $in} on the last such key) on a leading prefix of the index's keys, and, when the sort asks for the keys
 * that follow that prefix in index order, the documents in that order, so {@code limit} stops early.
 *
 * <p>It lives in memory (an ordered set of key → document id) and is rebuilt from the collection when the store
 * opens: derived data, so the store on disk stays mongo-java-server's own format.
 */
final class OrderedIndex extends Index<Object> {

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();
    private static final Object LOWEST = new Object();
    private static final Object HIGHEST = new Object();

    /** One key of one document: the normalised key values and the document's id. */
    private record Entry(Object[] values, Object position) {
    }

    private final boolean[] ascending;
    private final NavigableSet<Entry> entries;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        ascending = new boolean[keys.size()];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = keys.get(i).isAscending();
        }
        entries = new ConcurrentSkipListSet<>(this::compare);
    }

    private int compare(Entry a, Entry b) {
        for (int i = 0; i < ascending.length; i++) {
            int order = compareValue(a.values[i], b.values[i], ascending[i]);
            if (order != 0) {
                return order;
            }
        }
        return compareValue(a.position, b.position, true);
    }

    private static int compareValue(Object a, Object b, boolean ascending) {
        if (a == b) {
            return 0;
        }
        if (a == LOWEST || b == HIGHEST) {
            return -1;
        }
        if (a == HIGHEST || b == LOWEST) {
            return 1;
        }
        int order = VALUES.compare(a, b);
        return ascending ? order : -order;
    }

    // --- maintenance -------------------------------------------------------------------------------------------

    private List<Entry> entriesOf(Document document, Object position) {
        List<Entry> result = new ArrayList<>();
        for (KeyValue keyValue : getKeyValues(document)) {
            if (isSparse() && keyValue.stream().allMatch(value -> value == null || value instanceof Missing)) {
                continue;
            }
            result.add(new Entry(keyValue.stream().toArray(), position));
        }
        return result;
    }

    private static Object positionOf(Document document) {
        return document.get("_id");
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        entries.addAll(entriesOf(document, position));
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
        entries.addAll(entriesOf(newDocument, position));
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
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        entries.clear();
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
        Map<String, Object> conditions = new java.util.LinkedHashMap<>();
        boolean onlyConditions = flatten(query, conditions);
        List<String> keys = keys();
        List<List<Object>> alternatives = new ArrayList<>();
        alternatives.add(new ArrayList<>());
        boolean in = false;
        for (String key : keys) {
            if (!conditions.containsKey(key)) {
                break;
            }
            Object condition = conditions.get(key);
            Object value = equalityValue(condition);
            if (value != null) {
                alternatives.forEach(prefix -> prefix.add(normalized(value)));
                continue;
            }
            List<Object> values = inValues(condition);
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
     * Collects the field conditions a document must meet, including those inside a top-level {@code $and} (the
     * Java driver's {@code Filters.and} writes one).
     *
     * @return false when the query has more than such conditions ({@code $or}, a field named twice, …)
     */
    private static boolean flatten(Map<String, Object> query, Map<String, Object> conditions) {
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
            } else if (key.startsWith("$") || conditions.containsKey(key)) {
                only = false;
            } else {
                conditions.put(key, entry.getValue());
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
            if (next < keys.size() && field.equals(keys.get(next)) && asc == ascending[next]) {
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

    private NavigableSet<Entry> range(Object[] prefix) {
        Object[] low = new Object[ascending.length];
        Object[] high = new Object[ascending.length];
        for (int i = 0; i < ascending.length; i++) {
            low[i] = i < prefix.length ? prefix[i] : LOWEST;
            high[i] = i < prefix.length ? prefix[i] : HIGHEST;
        }
        return entries.subSet(new Entry(low, LOWEST), true, new Entry(high, HIGHEST), true);
    }

    private Stream<Object> positions(List<Object[]> prefixes) {
        // A multikey document can have several entries in one range: each document once.
        return prefixes.stream().flatMap(prefix -> range(prefix).stream()).map(Entry::position).distinct();
    }

    private long count(List<Object[]> prefixes) {
        return positions(prefixes).count();
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
