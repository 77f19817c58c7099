package org.eforum.notification.conference;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;

import org.eforum.contracts.event.ConferenceChanged;
import org.eforum.contracts.event.ConferenceSnapshot;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The conference projection in MongoDB, and the organiser routing derived from it. */
@Component
public class Conferences {

    private final MongoTemplate mongo;

    Conferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores the conference unless a version at least as new is stored already. One conditional upsert: when
     * the stored version is not lower, the filter matches nothing and the upsert's insert collides on
     * {@code _id}, which is how a stale event shows.
     *
     * @return whether the event changed the projection
     */
    boolean apply(ConferenceChanged event) {
        ConferenceSnapshot conference = event.conference();
        Update update = new Update()
                .set("version", event.version())
                .set("title", conference.title())
                .set("languages", conference.languages())
                .set("contactName", conference.contact() == null ? null : conference.contact().name())
                .set("contactEmail", conference.contact() == null ? null : conference.contact().email())
                .set("cc", conference.cc())
                .set("organiserNotifications", conference.organiserNotifications())
                .set("changedAt", event.occurredAt())
                .set("team", event.team());
        try {
            mongo.upsert(query(where("_id").is(conference.id()).and("version").lt(event.version())), update,
                    ConferenceView.class);
            return true;
        } catch (DuplicateKeyException staleVersion) {
            return false;
        }
    }

    public Optional<ConferenceView> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ConferenceView.class));
    }

    /** The projection's routing, when the conference is known. */
    public Optional<OrganiserRouting> routingOf(String conferenceId) {
        return find(conferenceId).map(ConferenceView::routing);
    }

    /**
     * The projection's routing when the conference is known, else the one of the snapshot the event carries
     * (the conference's first event may not have been read yet).
     */
    public OrganiserRouting routingFor(ConferenceSnapshot snapshot) {
        return find(snapshot.id()).map(ConferenceView::routing).orElseGet(() -> new OrganiserRouting(snapshot.id(),
                snapshot.organiserNotifications(), OrganiserRouting.mainLanguage(snapshot.languages()),
                snapshot.contact() == null ? null : snapshot.contact().name(),
                snapshot.contact() == null ? null : snapshot.contact().email(), snapshot.cc(), false));
    }
}
