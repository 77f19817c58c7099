package org.eforum.localstack.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;

import org.h2.mvstore.MVStore;

/**
 * Commits the MVStore file now and then, so the {@link Journal} stays short, instead of once per write: a commit
 * rewrites every page a write touched (document, index and layout maps), and most pages are touched again by the
 * next writes, so one commit a second writes each hot page once instead of once per write.
 * <p>
 * A checkpoint: with writes held for a moment (the gate's write lock), the journal starts a new segment; then,
 * while writes go on, the store commits; then the older segments, all of whose writes the commit holds, are
 * deleted. Writes of the new segment may be in the commit in part; recovery replays them ({@link Recovery}).
 */
final class Checkpoints implements AutoCloseable {

    /** Measured in the opening rush: see the README's Performance section. */
    static final long DEFAULT_INTERVAL_MILLIS = 1000;
    /** A rush fills a segment fast; a large one only makes recovery slower. */
    private static final long SEGMENT_LIMIT = 64L * 1024 * 1024;
    private static final long COMPACT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final MVStore store;
    private final Journal journal;
    private final ReadWriteLock gate;
    private final boolean fsync;
    private final long intervalMillis;
    private final Thread thread;
    private final Object wake = new Object();
    private volatile boolean closed;
    private long checkpoints;

    Checkpoints(MVStore store, Journal journal, ReadWriteLock gate, boolean fsync, long intervalMillis) {
        this.store = store;
        this.journal = journal;
        this.gate = gate;
        this.fsync = fsync;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::run, "store-checkpoints");
        thread.setDaemon(true);
        thread.start();
    }

    /** After each write: a segment grown large is checkpointed now rather than at the next interval. */
    void afterWrite() {
        if (journal.segmentBytes() >= SEGMENT_LIMIT) {
            nudge();
        }
    }

    private void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** A checkpoint now, on the caller's thread: after changes the journal does not record (indexes, drops). */
    synchronized void checkpoint() {
        long covered;
        gate.writeLock().lock();
        try {
            covered = journal.rotate();
        } finally {
            gate.writeLock().unlock();
        }
        store.commit();
        if (fsync) {
            store.sync();
        }
        journal.deleteUpTo(covered);
        checkpoints++;
    }

    synchronized long count() {
        return checkpoints;
    }

    private void run() {
        long lastCompaction = System.nanoTime();
        long lastWritten = -1;
        while (!closed) {
            synchronized (wake) {
                try {
                    if (journal.segmentBytes() < SEGMENT_LIMIT) {
                        wake.wait(intervalMillis);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (closed) {
                return;
            }
            try {
                long written = journal.position();
                if (journal.segmentBytes() > 0) {
                    checkpoint();
                } else if (written == lastWritten && System.nanoTime() - lastCompaction > COMPACT_EVERY_NANOS) {
                    // Idle: chunks with few live pages are rewritten (the journal keeps what is newer).
                    store.compact(50, 16 * 1024 * 1024);
                    store.commit();
                    lastCompaction = System.nanoTime();
                }
                lastWritten = written;
            } catch (RuntimeException e) {
                e.printStackTrace();
                if (store.isClosed()) {
                    // MVStore closes itself when a commit fails: every later write would fail. The journal holds
                    // every acknowledged write, so stopping here and starting again (recovery) loses nothing.
                    System.err.println("store checkpoint failed and MVStore closed itself; stopping");
                    Runtime.getRuntime().halt(70);
                }
                // Otherwise the journal still holds every write; the next round tries again.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        nudge();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
