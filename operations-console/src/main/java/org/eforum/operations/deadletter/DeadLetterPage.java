package org.eforum.operations.deadletter;

import java.util.List;

/**
 * One page of dead letters, newest first: {@code page} counts from 0. {@code total} and {@code waiting} (not yet
 * re-driven) cover every dead-letter topic and come from offsets alone, so they cost nothing to count.
 */
public record DeadLetterPage(List<DeadLetter> letters, int page, int size, long total, long waiting) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** How many pages there are; at least one, the empty first page. */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
