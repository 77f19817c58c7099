package org.eforum.registration.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eforum.contracts.event.ParticipantMessaged;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.outbox.Outbox;
import org.eforum.registration.outbox.OutboxEntryFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands an organisers' message to each recipient registration: one {@link ParticipantMessaged} appended to the
 * registration's own outbox, so the relay publishes it (sealed, in order with the registration's other events) and
 * notification-service mails it once per event. The recipients are read from the conference's status index and
 * written {@value #BATCH} at a time, one bulk write per batch instead of a round trip per registration. Each
 * update is guarded by the status and sequence it was read with and by the message not being in the registration's
 * {@code messaged} list yet, so a registration cancelled meanwhile is left out, and a message handed over twice
 * (a retry after a crash) is appended once.
 */
@Component
public class ParticipantMessages {

    static final int BATCH = 500;
    /** A registration changes a few times at most (promoted, address confirmed): a few re-reads settle any race. */
    private static final int ATTEMPTS = 5;
    private static final String MESSAGED = "messaged";

    private final MongoTemplate mongo;
    private final OutboxEntryFactory outboxEntryFactory;
    private final SelfServiceLinkSigner links;
    private final Clock clock;

    ParticipantMessages(MongoTemplate mongo, OutboxEntryFactory outboxEntryFactory, SelfServiceLinkSigner links,
            Clock clock) {
        this.mongo = mongo;
        this.outboxEntryFactory = outboxEntryFactory;
        this.links = links;
        this.clock = clock;
    }

    /** How many registrations of the conference have one of the statuses (the preview's count). */
    public long count(Conference conference, Set<RegistrationStatus> statuses) {
        return mongo.count(recipients(conference, statuses), Registration.class);
    }

    /**
     * How many of the conference's registrations have the message: its status index narrows to the conference,
     * the rest is read there (a conference's registrations, never the collection).
     */
    public long countHanded(Conference conference, String messageId) {
        return mongo.count(Query.query(Criteria.where("conferenceId").is(conference.id()).and(MESSAGED).is(messageId)),
                Registration.class);
    }

    /** @return how many registrations the message was handed to by this call */
    public int send(Conference conference, Set<RegistrationStatus> statuses, OrganiserMessage message) {
        int handed = 0;
        List<Registration> batch = new ArrayList<>(BATCH);
        try (Stream<Registration> all = mongo.stream(recipients(conference, statuses), Registration.class)) {
            var each = all.iterator();
            while (each.hasNext()) {
                batch.add(each.next());
                if (batch.size() == BATCH) {
                    handed += write(conference, statuses, batch, message);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            handed += write(conference, statuses, batch, message);
        }
        return handed;
    }

    /**
     * Writes a batch; the registrations that changed between the read and the write are read again and written
     * with their new sequence (an event with an outdated one would be taken for stale), unless they left the
     * audience (cancelled) or have the message already.
     */
    private int write(Conference conference, Set<RegistrationStatus> statuses, List<Registration> batch,
            OrganiserMessage message) {
        int handed = 0;
        List<Registration> toWrite = batch;
        for (int attempt = 0; attempt < ATTEMPTS && !toWrite.isEmpty(); attempt++) {
            int written = writeOnce(conference, toWrite, message);
            handed += written;
            if (written == toWrite.size()) {
                break;
            }
            toWrite = mongo.find(Query.query(Criteria.where("_id").in(toWrite.stream().map(Registration::id).toList())
                    .and("status").in(statuses).and(MESSAGED).ne(message.id())), Registration.class);
        }
        return handed;
    }

    private int writeOnce(Conference conference, List<Registration> batch, OrganiserMessage message) {
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Registration.class);
        for (Registration registration : batch) {
            ParticipantMessaged event = registration.messaged(conference.snapshot(), links.linkFor(registration.id()),
                    message, now);
            Query unchanged = Query.query(Criteria.where("_id").is(registration.id())
                    .and("status").is(registration.status()).and("sequence").is(registration.sequence())
                    .and(MESSAGED).ne(message.id()));
            Update messaged = new Update().addToSet(MESSAGED, message.id())
                    .push(Outbox.ENTRIES, outboxEntryFactory.of(event))
                    .set(Outbox.PENDING, true).min(Outbox.PENDING_SINCE, now);
            bulk.updateOne(unchanged, messaged);
        }
        return bulk.execute().getModifiedCount();
    }

    private static Query recipients(Conference conference, Set<RegistrationStatus> statuses) {
        // Equality on the conference and $in on the status: the waitlist_order index's leading keys serve it.
        return Query.query(Criteria.where("conferenceId").is(conference.id()).and("status").in(statuses));
    }
}
