package org.eforum.registration.metrics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.registration.outbox.OutboxStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The registration domain for Prometheus, read when scraped: registrations by status, and per outbox (conferences,
 * registrations, erasures) how many documents still owe Kafka an event and how old the oldest is — the number to
 * alert on when Kafka is away.
 */
@Component
class RegistrationMetrics implements MeterBinder {

    private final MongoTemplate mongo;
    private final OutboxStatus outbox;

    RegistrationMetrics(MongoTemplate mongo, OutboxStatus outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RegistrationStatus status : RegistrationStatus.values()) {
            Gauge.builder("eforum.registrations", () -> mongo.count(query(where("status").is(status)), "registrations"))
                    .description("Registrations by status").tag("status", status.name()).register(registry);
        }
        for (String collection : OutboxStatus.COLLECTIONS) {
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
