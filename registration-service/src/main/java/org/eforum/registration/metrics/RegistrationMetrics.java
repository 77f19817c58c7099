package org.eforum.registration.metrics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.registration.RegistrationSettings;
import org.eforum.registration.outbox.OutboxStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The registration domain for Prometheus: registrations by status, and per outbox (conferences, registrations,
 * erasures) how many documents still owe Kafka an event and how old the oldest is — the number to alert on when
 * Kafka is away. The outbox figures are read through their index when scraped (they are as large as the backlog);
 * the counts by status, which grow with the season, come from an index count at most every
 * {@code eforum.registration.status-count-max-age}, so scrapes from several Prometheus servers cost one count.
 */
@Component
class RegistrationMetrics implements MeterBinder {


    private final MongoTemplate mongo;
    private final OutboxStatus outbox;
    private final Duration statusCountMaxAge;

    RegistrationMetrics(MongoTemplate mongo, OutboxStatus outbox, RegistrationSettings settings) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.statusCountMaxAge = settings.statusCountMaxAge();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RegistrationStatus status : RegistrationStatus.values()) {
            CachedCount count = new CachedCount(statusCountMaxAge,
                    () -> mongo.count(query(where("status").is(status)), "registrations"));
            Gauge.builder("eforum.registrations", count::get)
                    .description("Registrations by status").tag("status", status.name()).register(registry);
        }
        for (String collection : OutboxStatus.collections()) {
            outboxGauge(registry, "eforum.outbox.pending", collection, c -> c.pending(), "Documents whose events are not on Kafka yet");
            outboxGauge(registry, "eforum.outbox.oldest.age", collection,
                    c -> c.oldestAgeSeconds() == null ? 0 : c.oldestAgeSeconds(), "Age in seconds of the oldest unpublished event");
        }
    }

    private void outboxGauge(MeterRegistry registry, String name, String collection,
            ToDoubleFunction<OutboxStatus.CollectionStatus> value, String description) {
        Gauge.builder(name, () -> value.applyAsDouble(outbox.of(collection)))
                .description(description).tag("collection", collection).baseUnit(name.endsWith("age") ? "seconds" : null)
                .register(registry);
    }
}
