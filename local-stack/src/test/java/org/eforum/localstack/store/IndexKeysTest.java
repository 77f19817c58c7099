package org.eforum.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

/** Index keys sort as MongoDB orders their values, and an entry gives back the document's exact id. */
class IndexKeysTest {

    private static final Comparator<byte[]> BYTES = Arrays::compareUnsigned;

    /** Values in MongoDB's order: null, numbers, strings, objects, arrays, ObjectIds, booleans, dates. */
    private static final List<Object> ORDERED = List.of(
            nullValue(), -1e300, -5L, -1.5, 0, 0.5, 1L, 2, 3.25, 1e300,
            "", "\u0000", "\u0000a", "A", "a", "a\u0000", "ab", "b", "z\u00e9", "\u0436", "\uffff", "\ud83d\ude00",
            new Document("a", 1), List.of(1, 2),
            new ObjectId("000000000000000000000001"), new ObjectId("ffffffffffffffffffffffff"),
            false, true, Instant.ofEpochMilli(-1000), Instant.ofEpochMilli(0), Instant.ofEpochMilli(1_700_000_000_000L));

    private static Object nullValue() {
        return de.bwaldvogel.mongo.backend.Missing.getInstance();
    }

    @Test
    void ascendingKeysSortAsTheirValues() {
        List<byte[]> keys = new ArrayList<>();
        for (Object value : ORDERED) {
            keys.add(IndexKeys.encode(List.of(value), null));
        }
        List<byte[]> sorted = new ArrayList<>(keys);
        sorted.sort(BYTES);
        assertThat(sorted).containsExactlyElementsOf(keys);
    }

    @Test
    void descendingKeysSortTheOtherWay() {
        boolean[] descending = {true};
        List<byte[]> keys = new ArrayList<>();
        for (Object value : ORDERED) {
            keys.add(IndexKeys.encode(List.of(value), descending));
        }
        List<byte[]> sorted = new ArrayList<>(keys);
        sorted.sort(BYTES.reversed());
        assertThat(sorted).containsExactlyElementsOf(keys);
    }

    @Test
    void numbersOfEveryTypeAreOneKey() {
        assertThat(IndexKeys.encode(List.of(1), null)).isEqualTo(IndexKeys.encode(List.of(1L), null))
                .isEqualTo(IndexKeys.encode(List.of(1.0), null));
        assertThat(IndexKeys.encode(List.of(-0.0), null)).isEqualTo(IndexKeys.encode(List.of(0), null));
    }

    @Test
    void anEqualityPrefixIsABytePrefixOfItsEntriesOnly() {
        byte[] prefix = IndexKeys.encode(List.of("ab"), null);
        assertThat(IndexKeys.startsWith(IndexKeys.encode(List.of("ab", 3), null, "id"), prefix)).isTrue();
        assertThat(IndexKeys.startsWith(IndexKeys.encode(List.of("abc", 3), null, "id"), prefix)).isFalse();
        assertThat(IndexKeys.startsWith(IndexKeys.encode(List.of("ab\u0000", 3), null, "id"), prefix)).isFalse();
        byte[] after = IndexKeys.after(prefix);
        assertThat(BYTES.compare(IndexKeys.encode(List.of("ab", "\uffff"), null, "id"), after)).isNegative();
        assertThat(BYTES.compare(IndexKeys.encode(List.of("abc"), null, "id"), after)).isPositive();
    }

    @Test
    void entriesGiveBackTheirPositionExactly() {
        boolean[] descending = {false, true};
        for (Object id : List.of("r-17", 42, 42L, 7.5, new ObjectId(), UUID.randomUUID(), new Document("k", "v"))) {
            byte[] entry = IndexKeys.encode(List.of("x\u0000y", Instant.ofEpochMilli(5)), descending, id);
            assertThat(IndexKeys.position(entry, 2, descending)).isEqualTo(id).hasSameClassAs(id);
            assertThat(IndexKeys.decodePosition(IndexKeys.encodePosition(id))).isEqualTo(id);
        }
        byte[] entry = IndexKeys.encode(List.of("x\u0000y", Instant.ofEpochMilli(5)), descending, "id");
        assertThat(IndexKeys.values(entry, 2, descending)).containsExactly("x\u0000y", Instant.ofEpochMilli(5));
    }
}
