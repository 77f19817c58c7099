package org.eforum.platform.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances sharing one MongoDB-wire server (mongo-java-server, real wire protocol) and one clock. */
class LeaseTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private MongoServer server;
    private MongoClient client;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private Leases first;
    private Leases second;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        first = new Leases(client.getDatabase("app"), "first", clock);
        second = new Leases(client.getDatabase("app"), "second", clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void oneInstanceHoldsItUntilItStopsRenewing() {
        Lease a = first.lease("relay", TTL);
        Lease b = second.lease("relay", TTL);

        assertThat(a.holdFor(Duration.ofSeconds(20))).isTrue();
        assertThat(b.holdFor(Duration.ofSeconds(20))).isFalse();

        clock.advance(Duration.ofSeconds(20)); // a renews as half its time is gone: b still waits
        assertThat(a.holdFor(Duration.ofSeconds(20))).isTrue();
        clock.advance(Duration.ofSeconds(25));
        assertThat(b.holdFor(Duration.ofSeconds(20))).isFalse();

        clock.advance(Duration.ofSeconds(6)); // a stopped renewing 31 s ago: b takes over, a no longer holds it
        assertThat(b.holdFor(Duration.ofSeconds(20))).isTrue();
        assertThat(a.holdFor(Duration.ofSeconds(20))).isFalse();
    }

    @Test
    void withoutTheStoreTheHolderKeepsWorkingOnlyWhileWhatItHeldLasts() {
        Lease a = first.lease("relay", TTL);
        assertThat(a.holdFor(Duration.ofSeconds(10))).isTrue();
        client.close();
        server.shutdownNow(); // renewal fails from now on

        clock.advance(Duration.ofSeconds(15));
        assertThat(a.holdFor(Duration.ofSeconds(10))).as("15 s left of what it held").isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(a.holdFor(Duration.ofSeconds(10))).as("5 s left: 10 s of work must not start").isFalse();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        Lease a = first.lease("relay", TTL);
        Lease b = second.lease("relay", TTL);
        assertThat(a.holdFor(Duration.ofSeconds(1))).isTrue();
        a.release();
        assertThat(b.holdFor(Duration.ofSeconds(1))).isTrue();
        assertThat(a.holdFor(Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void leasesOfDifferentNamesAreIndependent() {
        assertThat(first.lease("relay", TTL).holdFor(Duration.ofSeconds(1))).isTrue();
        assertThat(second.lease("reconciler", TTL).holdFor(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void workLongerThanTheLeaseIsRefused() {
        assertThatThrownBy(() -> first.lease("relay", TTL).holdFor(TTL)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
