package org.eforum.platform.lease;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Makes the app's leases, kept in its database's {@value #COLLECTION} collection, all owned by this instance (a
 * name made of host, process and a random part, so that a restarted instance is a new owner).
 */
public final class Leases {

    public static final String COLLECTION = "leases";

    private final MongoCollection<Document> collection;
    private final String owner;
    private final Clock clock;

    public Leases(MongoDatabase database, Clock clock) {
        this(database, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8),
                clock);
    }

    Leases(MongoDatabase database, String owner, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.owner = owner;
        this.clock = clock;
    }

    public Lease lease(String name, Duration ttl) {
        return new Lease(collection, name, owner, ttl, clock);
    }

    /** This instance, as it appears as a lease's owner. */
    public String owner() {
        return owner;
    }
}
