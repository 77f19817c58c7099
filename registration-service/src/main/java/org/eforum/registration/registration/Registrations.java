package org.eforum.registration.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eforum.contracts.event.RegistrationEmailChangeRequested;
import org.eforum.contracts.event.RegistrationLinkResent;
import org.eforum.contracts.event.RegistrationMailResent;
import org.bson.Document;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.registration.outbox.Outbox;
import org.eforum.registration.outbox.OutboxEntry;
import org.eforum.registration.outbox.OutboxEntryFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The registrations collection. Every write is one single-document atomic operation. */
@Repository
public class Registrations implements InitializingBean {

    private final MongoTemplate mongo;
    private final OutboxEntryFactory outboxEntryFactory;

    public Registrations(MongoTemplate mongo, OutboxEntryFactory outboxEntryFactory) {
        this.mongo = mongo;
        this.outboxEntryFactory = outboxEntryFactory;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Registration.class);
        indexes.createIndex(new Index().on("conferenceId", Sort.Direction.ASC).on("emailKey", Sort.Direction.ASC)
                .unique().named("one_registration_per_email"));
        indexes.createIndex(new Index().on("conferenceId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("registeredAt", Sort.Direction.ASC).named("waitlist_order"));
        // The waiting list's order: by when each joined it (queuedAt), then by registeredAt (older ones have no queuedAt).
        indexes.createIndex(new Index().on("conferenceId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on(QUEUED_AT, Sort.Direction.ASC).on("registeredAt", Sort.Direction.ASC).named("waitlist_queue"));
        // Who holds the address across conferences (erasure), and the counts by status (metrics).
        indexes.createIndex(new Index().on("emailKey", Sort.Direction.ASC).named("by_email"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).named("by_status"));
        // A conference's registrations in the order they came (the organisers' list, "registered today").
        indexes.createIndex(new Index().on("conferenceId", Sort.Direction.ASC).on("registeredAt", Sort.Direction.ASC)
                .named("by_conference_in_order"));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the e-mail is registered for the conference */
    public void insert(Registration registration) {
        mongo.insert(registration);
    }

    public Optional<Registration> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Registration.class));
    }

    public Optional<Registration> findByEmail(String conferenceId, String email) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("conferenceId").is(conferenceId)
                .and("emailKey").is(Registration.emailKey(email))), Registration.class));
    }

    public List<Registration> ofConference(String conferenceId) {
        return mongo.find(Query.query(Criteria.where("conferenceId").is(conferenceId)).with(Sort.by("registeredAt")),
                Registration.class);
    }

    /**
     * One page of the conference's registrations that match. Every query starts with the conference's id, so the
     * store walks that conference's index ({@code by_conference_in_order}, or {@code waitlist_order} with a status)
     * and never another conference's registrations; the other filters and the words are checked within it, which a
     * conference's size (at most 100,000 seats and its waiting list) bounds. Skip and limit are applied by the store:
     * in the order of arrival straight from the index, in the other orders as a top-k sort within the conference.
     */
    public List<RegistrationView> search(RegistrationSearch search, long skip, int limit) {
        return mongo.find(query(search).with(sort(search)).skip(skip).limit(limit), Registration.class).stream()
                .map(RegistrationView::of).toList();
    }

    /**
     * One page of {@link #search}'s matches with those awaiting approval first (a moderated conference's work to do):
     * the pending ones in the search's order, then the others in it, paged across both as one list. For a search
     * without a status filter; two queries within the conference's index, each skipped and limited by the store.
     */
    public List<RegistrationView> searchPendingFirst(RegistrationSearch search, long skip, int limit) {
        Query pending = query(search).addCriteria(Criteria.where("status").is(RegistrationStatus.PENDING));
        long pendingCount = mongo.count(pending, Registration.class);
        List<RegistrationView> rows = new ArrayList<>();
        if (skip < pendingCount) {
            mongo.find(pending.with(sort(search)).skip(skip).limit(limit), Registration.class).stream()
                    .map(RegistrationView::of).forEach(rows::add);
        }
        if (rows.size() < limit) {
            Query others = query(search).addCriteria(Criteria.where("status").ne(RegistrationStatus.PENDING));
            long skipOthers = Math.max(0, skip - pendingCount);
            mongo.find(others.with(sort(search)).skip(skipOthers).limit(limit - rows.size()), Registration.class)
                    .stream().map(RegistrationView::of).forEach(rows::add);
        }
        return rows;
    }

    /** The conference's registrations among {@code ids}, in the order given; unknown, others' and erased ones left out. */
    public List<RegistrationView> chosen(String conferenceId, List<String> ids) {
        Map<String, Registration> found = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids).and("conferenceId").is(conferenceId)), Registration.class)
                .stream().filter(registration -> !registration.isErased())
                .forEach(registration -> found.put(registration.id(), registration));
        return ids.stream().filter(found::containsKey).map(found::get).map(RegistrationView::of).toList();
    }

    /** How many of the conference's registrations match (all pages). */
    public long count(RegistrationSearch search) {
        return mongo.count(query(search), Registration.class);
    }

    /** Every match in order, read from a cursor as it is written out (an export); the caller closes the stream. */
    public Stream<RegistrationView> stream(RegistrationSearch search) {
        return mongo.stream(query(search).with(sort(search)), Registration.class).map(RegistrationView::of);
    }

    /** The conference's registrations by status: three counts the (conferenceId, status, …) index covers. */
    public Map<RegistrationStatus, Long> countByStatus(String conferenceId) {
        Map<RegistrationStatus, Long> counts = new EnumMap<>(RegistrationStatus.class);
        for (RegistrationStatus status : RegistrationStatus.values()) {
            counts.put(status, count(conferenceId, status));
        }
        return counts;
    }

    /**
     * The conference's registrations by stakeholder type. No index holds the type, so the store groups the
     * conference's registrations (found through its index, bounded by its size); types nobody chose count 0.
     */
    public Map<StakeholderType, Long> countByStakeholderType(String conferenceId) {
        Map<StakeholderType, Long> counts = new EnumMap<>(StakeholderType.class);
        for (StakeholderType type : StakeholderType.values()) {
            counts.put(type, 0L);
        }
        Aggregation byType = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("conferenceId").is(conferenceId)),
                Aggregation.group(STAKEHOLDER_TYPE).count().as("count"));
        for (Document group : mongo.aggregate(byType, mongo.getCollectionName(Registration.class), Document.class)) {
            Object type = group.get("_id");
            if (type != null) {
                counts.put(StakeholderType.valueOf(type.toString()), ((Number) group.get("count")).longValue());
            }
        }
        return counts;
    }

    private static final String STAKEHOLDER_TYPE = "participant.stakeholderType";

    private static Query query(RegistrationSearch search) {
        Criteria criteria = Criteria.where("conferenceId").is(search.conferenceId());
        if (search.status() != null) {
            criteria.and("status").is(search.status());
        }
        if (search.stakeholderType() != null) {
            criteria.and(STAKEHOLDER_TYPE).is(search.stakeholderType());
        }
        if (search.country() != null) {
            criteria.and("participant.country").is(search.country());
        }
        if (search.listInDirectory() != null) {
            criteria.and("participant.consents.listInDirectory").is(search.listInDirectory());
        }
        if (search.joinExpertsNetwork() != null) {
            criteria.and("participant.consents.joinExpertsNetwork").is(search.joinExpertsNetwork());
        }
        List<Criteria> everyWord = new ArrayList<>();
        for (String word : search.words()) {
            // Quoted, so a participant's "." or "(" is only itself; "i" folds case in any script (the store's
            // regular expressions are Unicode-aware).
            String literal = Pattern.quote(word);
            everyWord.add(new Criteria().orOperator(
                    Criteria.where("participant.firstName").regex(literal, "i"),
                    Criteria.where("participant.lastName").regex(literal, "i"),
                    Criteria.where("participant.email").regex(literal, "i"),
                    Criteria.where("participant.organisation").regex(literal, "i")));
        }
        if (!everyWord.isEmpty()) {
            criteria.andOperator(everyWord);
        }
        return Query.query(criteria);
    }

    /** Names sort by family name, then given name; ties in any order by arrival, then id (unique). */
    private static Sort sort(RegistrationSearch search) {
        Sort.Direction direction = search.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        Sort first = switch (search.order()) {
            case NAME -> Sort.by(direction, "participant.lastName", "participant.firstName");
            case ORGANISATION -> Sort.by(direction, "participant.organisation");
            case STATUS -> Sort.by(direction, "status");
            case REGISTERED_AT -> Sort.unsorted();
        };
        return first.and(Sort.by(direction, "registeredAt", "_id"));
    }

    /** How many registered for the conference since a moment (cancelled ones included: they came). */
    public long registeredSince(String conferenceId, Instant since) {
        return mongo.count(Query.query(Criteria.where("conferenceId").is(conferenceId).and("registeredAt").gte(since)),
                Registration.class);
    }

    /**
     * Writes a transition: the new status, {@code sequence + 1} and the event appended to the outbox, in one
     * findAndModify guarded by the status and sequence the transition was decided on.
     *
     * @return the registration after the change; empty when someone else changed it first (read it again)
     */
    Optional<Registration> apply(Registration.Transition transition) {
        Registration from = transition.from();
        Query unchangedSinceRead = Query.query(Criteria.where("_id").is(from.id())
                .and("status").is(from.status()).and("sequence").is(from.sequence()));
        Update change = new Update().set("status", transition.to()).inc("sequence", 1)
                .set("updatedAt", transition.event().occurredAt())
                .push(Outbox.ENTRIES, outboxEntryFactory.of(transition.event()))
                .push(HISTORY, transition.entry())
                .set(Outbox.PENDING, true).min(Outbox.PENDING_SINCE, transition.event().occurredAt());
        return Optional.ofNullable(mongo.findAndModify(unchangedSinceRead, change,
                FindAndModifyOptions.options().returnNew(true), Registration.class));
    }

    /**
     * Records that the participant's link is mailed again and appends the event that asks for it, in one write
     * guarded by the state the event was made from and by the last resend being at least an interval old.
     *
     * @return true when written; false when the registration changed meanwhile or its link was resent since
     */
    boolean recordLinkResent(Registration from, RegistrationLinkResent event, Duration interval) {
        Instant now = event.occurredAt();
        Query unchangedAndDue = Query.query(Criteria.where("_id").is(from.id())
                .and("status").is(from.status()).and("sequence").is(from.sequence())
                .and(LINK_RESENT_AT).not().gt(now.minus(interval)));
        Update resent = new Update().set(LINK_RESENT_AT, now)
                .push(Outbox.ENTRIES, outboxEntryFactory.of(event))
                .push(HISTORY, new HistoryEntry(HistoryEntry.Change.LINK_RESENT, now, Actor.system()))
                .set(Outbox.PENDING, true).min(Outbox.PENDING_SINCE, now);
        return mongo.updateFirst(unchangedAndDue, resent, Registration.class).getModifiedCount() == 1;
    }

    /**
     * Appends the event that asks for the participant's mail again and its line of history, in one write guarded by
     * the state the event was made from (its status and sequence are the ones it carries).
     *
     * @return the registration after the change; empty when it changed meanwhile (read it again)
     */
    Optional<Registration> recordMailResent(Registration from, RegistrationMailResent event, Actor by) {
        Instant now = event.occurredAt();
        Query unchangedSinceRead = Query.query(Criteria.where("_id").is(from.id())
                .and("status").is(from.status()).and("sequence").is(from.sequence()));
        Update resent = new Update().set("updatedAt", now)
                .push(Outbox.ENTRIES, outboxEntryFactory.of(event))
                .push(HISTORY, new HistoryEntry(HistoryEntry.Change.MAIL_RESENT, now, by))
                .set(Outbox.PENDING, true).min(Outbox.PENDING_SINCE, now);
        return Optional.ofNullable(mongo.findAndModify(unchangedSinceRead, resent,
                FindAndModifyOptions.options().returnNew(true), Registration.class));
    }

    private static final String HISTORY = "history";
    private static final String LINK_RESENT_AT = "linkResentAt";
    private static final String ADDRESS_CONFIRMED_AT = "addressConfirmedAt";

    /**
     * Records that the address is confirmed and appends its event, in one findAndModify guarded by the status and
     * sequence it was decided on and by no confirmation yet, so two clicks at once make one event.
     *
     * @return the registration after the change; empty when someone else changed it first (read it again)
     */
    Optional<Registration> confirmAddress(Registration.Transition transition) {
        Registration from = transition.from();
        Instant now = transition.event().occurredAt();
        Query unchangedAndUnconfirmed = Query.query(Criteria.where("_id").is(from.id())
                .and("status").is(from.status()).and("sequence").is(from.sequence())
                .and(ADDRESS_CONFIRMED_AT).is(null));
        Update confirmed = new Update().set(ADDRESS_CONFIRMED_AT, now).inc("sequence", 1).set("updatedAt", now)
                .push(Outbox.ENTRIES, outboxEntryFactory.of(transition.event()))
                .push(HISTORY, transition.entry())
                .set(Outbox.PENDING, true).min(Outbox.PENDING_SINCE, now);
        return Optional.ofNullable(mongo.findAndModify(unchangedAndUnconfirmed, confirmed,
                FindAndModifyOptions.options().returnNew(true), Registration.class));
    }

    /**
     * Writes a participant's correction in one findAndModify guarded by the status and sequence it was decided on:
     * the corrected details and their event (when any changed) and an address change asked for (its pending record,
     * replacing any earlier one, and the event that mails the new address), each with its line of history.
     *
     * @return the registration after the change; empty when someone else changed it first (read it again)
     */
    Optional<Registration> correct(Registration from, Registration.@Nullable Transition details,
            @Nullable RegistrationEmailChangeRequested request, @Nullable PendingEmailChange change, Instant now) {
        Query unchangedSinceRead = Query.query(Criteria.where("_id").is(from.id())
                .and("status").is(from.status()).and("sequence").is(from.sequence()));
        Update corrected = new Update().set("updatedAt", now);
        List<OutboxEntry> events = new ArrayList<>();
        List<HistoryEntry> lines = new ArrayList<>();
        if (details != null) {
            corrected.set("participant", details.event().participant()).inc("sequence", 1);
            events.add(outboxEntryFactory.of(details.event()));
            lines.add(details.entry());
        }
        if (request != null && change != null) {
            corrected.set(PendingEmailChange.FIELD, change);
            events.add(outboxEntryFactory.of(request));
            lines.add(new HistoryEntry(HistoryEntry.Change.EMAIL_CHANGE_REQUESTED, now, Actor.participant()));
        }
        corrected.push(Outbox.ENTRIES).each(events.toArray()).push(HISTORY).each(lines.toArray())
                .set(Outbox.PENDING, true).min(Outbox.PENDING_SINCE, now);
        return Optional.ofNullable(mongo.findAndModify(unchangedSinceRead, corrected,
                FindAndModifyOptions.options().returnNew(true), Registration.class));
    }

    /** The registration's pending address change, if it has one. */
    Optional<PendingEmailChange> pendingEmailChange(String id) {
        return Optional.ofNullable(mongo.findById(id, PendingEmailChange.Holder.class))
                .map(PendingEmailChange.Holder::emailChange);
    }

    /**
     * Moves the registration to its new address and appends the event, in one findAndModify guarded by the state
     * it was decided on and by the pending change still being the one whose token was presented and unexpired, so
     * the link works once. The address becomes confirmed (if it was not) and the pending change is removed.
     *
     * @return the registration after the change; empty when it changed meanwhile or the change is gone
     * @throws org.springframework.dao.DuplicateKeyException when another registration of the conference has the
     *         address by now
     */
    Optional<Registration> changeEmail(Registration.Transition transition, PendingEmailChange change) {
        Registration from = transition.from();
        Instant now = transition.event().occurredAt();
        String newEmail = transition.event().participant().email();
        Query unchangedAndPending = Query.query(Criteria.where("_id").is(from.id())
                .and("status").is(from.status()).and("sequence").is(from.sequence())
                .and(PendingEmailChange.FIELD + ".tokenHash").is(change.tokenHash())
                .and(PendingEmailChange.FIELD + ".expiresAt").gt(now));
        Update moved = new Update().set("participant.email", newEmail).set("emailKey", Registration.emailKey(newEmail))
                .set(ADDRESS_CONFIRMED_AT, from.addressConfirmedAt() != null ? from.addressConfirmedAt() : now)
                .unset(PendingEmailChange.FIELD).inc("sequence", 1).set("updatedAt", now)
                .push(Outbox.ENTRIES, outboxEntryFactory.of(transition.event()))
                .push(HISTORY, transition.entry())
                .set(Outbox.PENDING, true).min(Outbox.PENDING_SINCE, now);
        return Optional.ofNullable(mongo.findAndModify(unchangedAndPending, moved,
                FindAndModifyOptions.options().returnNew(true), Registration.class));
    }

    /** Every registration of one address, across conferences. */
    List<Registration> withEmail(String email) {
        return mongo.find(Query.query(Criteria.where("emailKey").is(Registration.emailKey(email))), Registration.class);
    }

    /**
     * Cancels and anonymises in one guarded write: the status becomes CANCELLED, the person's details (their answers
     * too) and any events not yet published are dropped (they carry the address), and no event is owed: the erasure
     * request itself tells the consumers.
     *
     * @return the registration after the change; empty when someone else changed it first
     */
    Optional<Registration> erase(Registration from, String emailHash, String requestedBy, java.time.Instant now) {
        Query unchangedSinceRead = Query.query(Criteria.where("_id").is(from.id())
                .and("status").is(from.status()).and("sequence").is(from.sequence()));
        Update erase = new Update().set("status", RegistrationStatus.CANCELLED).inc("sequence", 1).set("updatedAt", now)
                .set("emailKey", Registration.ERASED_PREFIX + emailHash)
                .set("participant.firstName", Registration.ERASED).set("participant.lastName", Registration.ERASED)
                .set("participant.email", Registration.ERASED).set("participant.organisation", Registration.ERASED)
                .unset("participant.position").unset("participant.answers").unset("notes")
                .unset(PendingEmailChange.FIELD) // it names the address the person wanted to move to
                .push(HISTORY, new HistoryEntry(HistoryEntry.Change.ERASED, now, Actor.operator(requestedBy)))
                .set(Outbox.ENTRIES, List.of()).set(Outbox.PENDING, false).unset(Outbox.PENDING_SINCE);
        return Optional.ofNullable(mongo.findAndModify(unchangedSinceRead, erase,
                FindAndModifyOptions.options().returnNew(true), Registration.class));
    }

    /**
     * The next in line for a freed seat: the one on the waiting list longest ({@code queuedAt}: when it was submitted
     * onto it, or approved onto it in a moderated conference, whenever it registered), ties broken by the time it
     * registered, then id. Registrations older than {@code queuedAt} have none, sort first (null first) and among
     * themselves by {@code registeredAt}, as before.
     */
    Optional<Registration> oldestWaitlisted(String conferenceId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("conferenceId").is(conferenceId)
                        .and("status").is(RegistrationStatus.WAITLISTED)).with(Sort.by(QUEUED_AT, "registeredAt", "_id")),
                Registration.class));
    }

    /** When an approved registration joined the end of the waiting list; a field of the store only. */
    private static final String QUEUED_AT = "queuedAt";

    /**
     * Writes an approval as {@link #apply} writes any transition; one onto the waiting list also gets its place at
     * the end of the line ({@code queuedAt}), in the same write.
     */
    Optional<Registration> applyApproval(Registration.Transition transition) {
        Registration from = transition.from();
        Instant now = transition.event().occurredAt();
        Query unchangedSinceRead = Query.query(Criteria.where("_id").is(from.id())
                .and("status").is(from.status()).and("sequence").is(from.sequence()));
        Update change = new Update().set("status", transition.to()).inc("sequence", 1).set("updatedAt", now)
                .push(Outbox.ENTRIES, outboxEntryFactory.of(transition.event()))
                .push(HISTORY, transition.entry())
                .set(Outbox.PENDING, true).min(Outbox.PENDING_SINCE, now);
        if (transition.to() == RegistrationStatus.WAITLISTED) {
            change.set(QUEUED_AT, now);
        }
        return Optional.ofNullable(mongo.findAndModify(unchangedSinceRead, change,
                FindAndModifyOptions.options().returnNew(true), Registration.class));
    }

    long count(String conferenceId, RegistrationStatus status) {
        return mongo.count(Query.query(Criteria.where("conferenceId").is(conferenceId).and("status").is(status)),
                Registration.class);
    }
}
