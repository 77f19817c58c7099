package org.eforum.localstack.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 (MVStore file) backend with two changes: a write is answered only once it is in the
 * {@link Journal} (on disk for a SIGKILL; forced to it with {@code fsync}), as {@code mongod} does with
 * {@code j: true}, and the file is checkpointed about once a second ({@link Checkpoints}); and non-unique indexes
 * are real ({@link OrderedIndex}) instead of ignored. On open, what the journal holds beyond the last checkpoint
 * is recovered ({@link Recovery}) before the first client is served.
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that change documents: journaled, answered once their journal records are written. */
    private static final Set<String> DATA_WRITES = Set.of("insert", "update", "delete", "findandmodify");
    /** Commands that change the layout, which the journal does not record: each is followed by a checkpoint. */
    private static final Set<String> LAYOUT_CHANGES = Set.of("create", "createindexes", "drop", "dropdatabase",
            "dropindexes", "renamecollection");

    /** The super constructor opens the existing databases before this.journal is set. */
    private static final ThreadLocal<Journal> OPENING = new ThreadLocal<>();

    private final Journal journal;
    /** Writes hold it shared while they run; a checkpoint holds it alone for the moment it starts a new segment. */
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private final Checkpoints checkpoints;
    private final int recovered;

    /** Opens the backend over the store, recovering from the journal in {@code journalDirectory} first. */
    static DurableH2Backend open(MVStore store, Path journalDirectory, boolean fsync) {
        return open(store, journalDirectory, fsync, Checkpoints.DEFAULT_INTERVAL_MILLIS);
    }

    /** With another checkpoint interval: tests use a long one, so their writes stay in the journal. */
    static DurableH2Backend open(MVStore store, Path journalDirectory, boolean fsync, long checkpointMillis) {
        Journal journal = new Journal(journalDirectory, fsync);
        OPENING.set(journal);
        try {
            return new DurableH2Backend(store, journal, fsync, checkpointMillis);
        } finally {
            OPENING.remove();
        }
    }

    private DurableH2Backend(MVStore store, Journal journal, boolean fsync, long checkpointMillis) {
        super(store);
        this.journal = journal;
        this.recovered = Recovery.run(journal, this);
        this.checkpoints = new Checkpoints(store, journal, gate, fsync, checkpointMillis);
        checkpoints.checkpoint(); // the recovered state in the file, a fresh segment for the writes to come
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry(),
                journal != null ? journal : OPENING.get());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        boolean data = DATA_WRITES.contains(name);
        boolean layout = LAYOUT_CHANGES.contains(name);
        if (!data && !layout) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        Document answer;
        gate.readLock().lock();
        try {
            answer = super.handleCommand(channel, databaseName, command, query);
        } finally {
            gate.readLock().unlock();
        }
        if (layout) {
            checkpoints.checkpoint();
        } else {
            journal.awaitSynced(journal.position());
            checkpoints.afterWrite();
        }
        return answer;
    }

    /** How many journal records the last open recovered (0 after a clean stop). */
    int recovered() {
        return recovered;
    }

    long checkpoints() {
        return checkpoints.count();
    }

    @Override
    public void close() {
        checkpoints.close();
        checkpoints.checkpoint(); // everything in the file: the next open has nothing to recover
        journal.close();
        super.close();
    }
}
