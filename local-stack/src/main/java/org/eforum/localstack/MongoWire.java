package org.eforum.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The MongoDB-wire store ({@link org.eforum.localstack.store.StoreServer}) in its own JVM: the apps' real MongoDB
 * driver talks to it as to mongod. Its data is one file that survives restarts and kills; a write is acknowledged
 * once it is in that file. It has no transactions and no change streams, which the apps do not use.
 */
public final class MongoWire implements AutoCloseable {

    /**
     * Heap for the page cache (96 MB), the in-memory indexes and the wire buffers. Measured: with 512 MB the heap
     * was full after three rushes (60,000 registrations, 30,000 people, 120,000 deliveries; 633 full GCs), since
     * every index entry keeps its own copies of its key strings and of the document id (several hundred bytes per
     * entry). 1 GB until the indexes are made compact.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseParallelGC", "-Xss512k");

    private final ChildJvm jvm;
    private final int port;

    MongoWire(int port, Path dataFile, Path log, JavaRuntime java, String classpath) {
        this.port = port;
        this.jvm = new ChildJvm("MongoDB-wire store", java, JVM_OPTIONS, classpath,
                "org.eforum.localstack.store.StoreServer", List.of(String.valueOf(port), dataFile.toString()), log, port);
    }

    MongoWire start() throws IOException, InterruptedException {
        jvm.start(Duration.ofSeconds(120)); // opening a large store rebuilds its in-memory indexes first
        return this;
    }

    /** Starts the store again (after {@link #kill()}) on the same file: it recovers from its journal first. */
    public void startAgain() throws IOException, InterruptedException {
        start();
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    public long pid() {
        return jvm.pid();
    }

    /** SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        jvm.kill();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
