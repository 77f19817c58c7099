package org.eforum.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-wire server in this JVM (mongo-java-server, in memory): the apps' real MongoDB driver talks to it
 * as to mongod. It has no transactions and no change streams, which the apps do not use.
 */
public final class MongoWire implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final int port;

    public MongoWire(int port) {
        this.port = port;
    }

    public MongoWire start() {
        server.bind("127.0.0.1", port);
        return this;
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
