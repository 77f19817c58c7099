package org.eforum.operations.deadletter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Merges partitions into one newest-first list: each partition newest (highest offset) first, and across
 * partitions the later timestamp first. Each partition keeps its own order even where timestamps do not (a
 * dead letter may carry its original record's time), so the first N of the merge depend only on the last N of each
 * partition — which is what lets a page read no more than that.
 */
final class NewestFirst {

    private static final Comparator<Cursor> LATER_FIRST = Comparator
            .comparingLong((Cursor cursor) -> cursor.head().timestamp()).reversed()
            .thenComparing(cursor -> cursor.head().topic())
            .thenComparingInt(cursor -> cursor.head().partition());

    private NewestFirst() {
    }

    static List<ConsumerRecord<byte[], byte[]>> merge(Collection<List<ConsumerRecord<byte[], byte[]>>> partitions) {
        PriorityQueue<Cursor> heads = new PriorityQueue<>(LATER_FIRST);
        for (List<ConsumerRecord<byte[], byte[]>> records : partitions) {
            List<ConsumerRecord<byte[], byte[]>> newestFirst = new ArrayList<>(records);
            newestFirst.sort(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.offset()).reversed());
            if (!newestFirst.isEmpty()) {
                heads.add(new Cursor(newestFirst, 0));
            }
        }
        List<ConsumerRecord<byte[], byte[]>> merged = new ArrayList<>();
        while (!heads.isEmpty()) {
            Cursor cursor = heads.poll();
            merged.add(cursor.head());
            if (cursor.index() + 1 < cursor.records().size()) {
                heads.add(new Cursor(cursor.records(), cursor.index() + 1));
            }
        }
        return merged;
    }

    private record Cursor(List<ConsumerRecord<byte[], byte[]>> records, int index) {
        ConsumerRecord<byte[], byte[]> head() {
            return records.get(index);
        }
    }
}
