package org.eforum.localstack.store;

import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 (MVStore file) backend with two changes: a write is answered only once it is on disk
 * ({@link GroupCommit}), as {@code mongod} does with {@code j: true}; and non-unique indexes are real
 * ({@link OrderedIndex}) instead of ignored.
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that change data or its layout; everything else is answered at once. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

    private final GroupCommit commits;

    DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.commits = new GroupCommit(store, fsync);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commits.awaitDurable();
        }
        return answer;
    }

    long commits() {
        return commits.commits();
    }

    @Override
    public void close() {
        commits.close();
        super.close(); // closes the MVStore, which commits what is left
    }
}
