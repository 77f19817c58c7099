package org.eforum.localstack.store;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The local stack's MongoDB-wire store, in its own JVM with its own heap: mongo-java-server over one H2 MVStore
 * file and its journal beside it, writes acknowledged only once journaled, secondary indexes served. Usage:
 * {@code StoreServer <port> <data file> [--fsync]}; prints {@code store ready} once it listens.
 */
public final class StoreServer {

    /** Enough event-loop threads that a connection waiting for a lock or a journal force rarely holds up another. */
    private static final int WORKER_THREADS = 64;
    /** MVStore's page cache (MB): the working set stays in memory, the rest on disk. */
    private static final int CACHE_MB = 96;
    /**
     * MVStore's page size before a split. Every put copies its leaf page (copy-on-write) and every checkpoint
     * rewrites the leaf pages it changed, so small pages copy and write less: measured with 64 writers of 2 KB
     * documents (when every write still waited for its commit), 4 KB pages took 572 registrations/s against 323/s
     * with the default.
     */
    private static final int PAGE_SPLIT_SIZE = 4096;

    private StoreServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        boolean fsync = args.length > 2 && args[2].equals("--fsync");
        Files.createDirectories(file.getParent());
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB)
                .pageSplitSize(PAGE_SPLIT_SIZE).autoCommitDisabled().open();
        DurableH2Backend backend = DurableH2Backend.open(store, journalOf(file), fsync);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown(); // closes the connections, then the backend, which commits and closes the file
            stopped.countDown();
        }, "stop-store"));
        System.out.println("store ready on 127.0.0.1:" + port + " (" + file + (fsync ? ", fsync" : "") + ")");
        stopped.await();
    }

    /** The journal's directory beside the store file: {@code store.mv} → {@code store.journal/}. */
    static Path journalOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".journal");
    }
}
