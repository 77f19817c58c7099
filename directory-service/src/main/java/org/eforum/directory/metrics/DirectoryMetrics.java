package org.eforum.directory.metrics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.eforum.directory.organisation.Organisation;
import org.eforum.directory.person.Person;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The directory's size for Prometheus: people (all, listed, experts' network members) and organisations. Counted
 * when scraped, so the numbers are what the directory holds now, after rebuilds and erasures too.
 */
@Component
class DirectoryMetrics implements MeterBinder {

    private final MongoTemplate mongo;

    DirectoryMetrics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        people(registry, "all", new Query());
        people(registry, "listed", query(where("search.keys").is("l")));
        people(registry, "experts", query(where("search.keys").is("e")));
        Gauge.builder("eforum.directory.organisations", () -> mongo.count(new Query(), Organisation.COLLECTION))
                .description("Organisations in the directory").register(registry);
    }

    private void people(MeterRegistry registry, String scope, Query query) {
        Gauge.builder("eforum.directory.people", () -> mongo.count(query, Person.COLLECTION))
                .description("People in the directory").tag("scope", scope).register(registry);
    }
}
