package org.eforum.localstack.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVStore;

/**
 * Makes a write durable before it is acknowledged, for many writers at once. mongo-java-server's H2 backend
 * leaves commits to MVStore's background thread (every second): a write acknowledged in between is lost when the
 * process dies. Here every write waits for a commit that started after it; one commit serves every write that
 * arrived while the previous one ran (group commit), so the cost is per batch, not per write.
 *
 * <p>{@code MVStore.commit()} hands the new chunk to the operating system ({@code write}) before it returns, which
 * survives a SIGKILL of this process; with {@code fsync} it also forces it to the disk, which survives a power
 * cut, at the price of one {@code fsync} per batch.
 */
final class GroupCommit implements AutoCloseable {

    private static final long COMPACT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final MVStore store;
    private final boolean fsync;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition done = lock.newCondition();
    private final Thread committer;
    private long requested;
    private long durable;
    private RuntimeException failure;
    private volatile boolean closed;
    private long commits;

    GroupCommit(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
        this.committer = new Thread(this::run, "group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** Returns once everything written before this call is on disk; throws when the store cannot commit. */
    void awaitDurable() {
        lock.lock();
        try {
            long ticket = ++requested;
            work.signal();
            while (durable < ticket) {
                if (failure != null) {
                    throw failure;
                }
                done.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    long commits() {
        return commits;
    }

    private void run() {
        long lastCompaction = System.nanoTime();
        while (!closed) {
            long upTo;
            lock.lock();
            try {
                while (requested == durable && !closed) {
                    if (!work.await(1, TimeUnit.SECONDS)) {
                        break;
                    }
                }
                upTo = requested;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                if (upTo > durable) {
                    store.commit();
                    if (fsync) {
                        store.sync();
                    }
                    commits++;
                }
                lock.lock();
                try {
                    durable = Math.max(durable, upTo);
                    done.signalAll();
                } finally {
                    lock.unlock();
                }
                // Without MVStore's background thread, chunks with few live pages are rewritten here, when idle.
                if (System.nanoTime() - lastCompaction > COMPACT_EVERY_NANOS && requested == durable) {
                    store.compact(50, 16 * 1024 * 1024);
                    store.commit();
                    lastCompaction = System.nanoTime();
                }
            } catch (RuntimeException e) {
                lock.lock();
                try {
                    failure = e;
                    done.signalAll();
                } finally {
                    lock.unlock();
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
