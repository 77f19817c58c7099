package org.eforum.directory.person;

import java.util.List;

import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.directory.Fixtures;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * For {@code DirectorySearchBenchmark}: people as the projection writes them ({@link Person#record} on a newcomer,
 * the same code {@link PersonProjection#apply} runs), inserted in batches so 50,000 take seconds, not minutes.
 */
public final class BenchmarkPeople {

    private final MongoTemplate mongo;
    private final PublicIds publicIds;

    public BenchmarkPeople(ApplicationContext context) {
        this.mongo = context.getBean(MongoTemplate.class);
        this.publicIds = context.getBean(PublicIds.class);
    }

    /**
     * One newcomer per event (distinct e-mails), as the first event of each person and then its address confirmation
     * would make them (the directory lists nobody whose address is unconfirmed).
     */
    public void insert(List<RegistrationEvent> events, List<String> organisationIds) {
        List<Person> people = new java.util.ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            RegistrationEvent event = events.get(i);
            String id = Person.idOf(event);
            Person person = Person.newcomer(id, publicIds.of(id));
            person.record(event, organisationIds.get(i));
            person.record(Fixtures.addressConfirmed(event), organisationIds.get(i));
            people.add(person);
        }
        mongo.insert(people, Person.class);
    }
}
