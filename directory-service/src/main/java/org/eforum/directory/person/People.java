package org.eforum.directory.person;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.limit;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.skip;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import java.util.stream.Stream;

import org.bson.Document;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.text.Transliteration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The people collection: the write side by private id, and the directory's read queries. */
@Component
public class People implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(People.class);

    private static final Sort BY_NAME = Sort.by("search.sortKey", "publicId");
    static final String KEYS = "search.keys";
    private static final List<String> OBSOLETE_INDEXES = List.of("search.tokens_1", "search.organisationTokens_1",
            "profile.organisationId_1", "profile.listInDirectory_1_search.sortKey_1_publicId_1",
            "profile.joinExpertsNetwork_1_search.sortKey_1_publicId_1");

    private final MongoTemplate mongo;
    private final OrganisationListings listings;

    People(MongoTemplate mongo, OrganisationListings listings) {
        this.mongo = mongo;
        this.listings = listings;
    }

    /** Runs before the listener containers start, so the unique public id is enforced from the first write. */
    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(Person.class);
        indexes.createIndex(new Index("publicId", Sort.Direction.ASC).unique());
        indexes.createIndex(new Index("participations.conferenceId", Sort.Direction.ASC));
        // Who holds a registration: it moves to another person when its address changes (see PersonProjection).
        indexes.createIndex(new Index("participations.registrationId", Sort.Direction.ASC));
        indexes.createIndex(new Index("emailHash", Sort.Direction.ASC).unique());
        // Every public listing and search: equality on one key, then the sort order, so a page is an index walk
        // and a count reads the index only (see SearchKeys).
        indexes.createIndex(new Index(KEYS, Sort.Direction.ASC)
                .on("search.sortKey", Sort.Direction.ASC).on("publicId", Sort.Direction.ASC));
        // An organisation's listed people, by name (its page, and its listing entry).
        indexes.createIndex(new Index("profile.organisationId", Sort.Direction.ASC)
                .on("profile.listInDirectory", Sort.Direction.ASC)
                .on("search.sortKey", Sort.Direction.ASC).on("publicId", Sort.Direction.ASC));
        // Replaced by the ones above; on a store that still has them they would only cost memory and writes.
        Set<String> existing = new java.util.HashSet<>();
        indexes.getIndexInfo().forEach(info -> existing.add(info.getName()));
        for (String obsolete : OBSOLETE_INDEXES) {
            if (existing.contains(obsolete)) {
                indexes.dropIndex(obsolete);
            }
        }
        boolean migrated = backfillSearchKeys() > 0;
        backfillListings(migrated);
    }

    /**
     * The organisation listings are derived from the people: filled here the first time (before the listeners
     * start), and recomputed on every later start in the background, which also repairs one a crash left behind
     * between a person's write and its organisation's recomputation.
     */
    private void backfillListings(boolean peopleMigrated) {
        if (listings.isEmpty() || peopleMigrated) {
            // Migrated people may have left their listings (unconfirmed addresses): before the first query, too.
            if (mongo.count(new Query().limit(1), Person.class) > 0) {
                log.info("Organisation listings computed for {} organisations", listings.recomputeAll(organisationIds()));
            }
            return;
        }
        Thread refresh = new Thread(() -> {
            try {
                log.info("Organisation listings recomputed for {} organisations", listings.recomputeAll(organisationIds()));
            } catch (RuntimeException e) {
                log.warn("Could not recompute the organisation listings", e);
            }
        }, "organisation-listings");
        refresh.setDaemon(true);
        refresh.start();
    }

    private List<String> organisationIds() {
        Set<String> ids = new java.util.TreeSet<>();
        mongo.findDistinct(query(where("profile.listInDirectory").is(true)), "profile.organisationId", Person.class,
                String.class).stream().filter(Objects::nonNull).forEach(ids::add);
        mongo.findDistinct(query(where("keys").is("o")), "_id", OrganisationListings.COLLECTION, String.class).stream()
                .filter(Objects::nonNull).forEach(ids::add);
        return List.copyOf(ids);
    }

    /**
     * Documents written before {@code search.keys} existed (or with another {@link SearchKeys#FORMAT}) get their
     * profile derived again and their keys now, before the listeners start, so the public queries find everyone and
     * no one else: format 2 came with confirmed addresses, so a person written before it is unlisted until one of
     * their registrations is confirmed (as a rebuild from the topic would have them).
     */
    private long backfillSearchKeys() {
        Query stale = query(where("profile").ne(null).and("search.format").ne(SearchKeys.FORMAT)).cursorBatchSize(500);
        long done = 0;
        BulkOperations bulk = null;
        int pending = 0;
        try (Stream<Person> people = mongo.stream(stale, Person.class)) {
            for (Person person : (Iterable<Person>) people::iterator) {
                if (bulk == null) {
                    bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Person.class);
                }
                // By _id alone (the local store serves only an exact unique-key filter from its index; with the
                // version added it would scan per document). This runs before the listeners start, so only another
                // instance writing this very person now could race, and its own write carries the keys anyway.
                Query same = query(where("_id").is(person.id()));
                person.derive();
                bulk.updateOne(same, new Update().set("profile", person.profile()).set("search", person.search()));
                if (++pending == 500) {
                    done += bulk.execute().getModifiedCount();
                    bulk = null;
                    pending = 0;
                }
            }
        }
        if (pending > 0) {
            done += bulk.execute().getModifiedCount();
        }
        if (done > 0) {
            log.info("Search keys backfilled for {} people", done);
        }
        return done;
    }

    Optional<Person> findByEmailHash(String emailHash) {
        return Optional.ofNullable(mongo.findOne(query(where("emailHash").is(emailHash)), Person.class));
    }

    /** Deletes the person unless somebody wrote it since it was read; returns whether it was deleted. */
    boolean remove(Person person) {
        return mongo.remove(query(where("_id").is(person.id()).and("version").is(person.version())), Person.class)
                .getDeletedCount() == 1;
    }

    /** Members of the experts' network: everyone who opted in (see {@link ExpertsController} for why). */
    public Page<Person> experts(DirectoryFilter filter, Pageable pageable) {
        return search(SearchKeys.EXPERTS, filter, pageable);
    }

    /**
     * One audience's people matching the filter, by name. The filter becomes keys that must all be present
     * (a term's, the type/country facet's); the query walks the index range of the most selective one (each key's
     * count reads the index only) and checks the others on the documents it reads. With one key and no term that
     * needs its exact check, the count of that key is the total.
     */
    private Page<Person> search(String audience, DirectoryFilter filter, Pageable pageable) {
        List<String> keys = new ArrayList<>();
        List<Criteria> exact = new ArrayList<>();
        for (String term : filter.terms()) {
            keys.add(audience + ":" + SearchKeys.termKey(term));
            if (!SearchKeys.isExact(term)) {
                exact.add(where("search.tokens").in(startsWithAnyOf(term)));
            }
        }
        String facet = SearchKeys.facet(filter.type(), filter.country());
        if (facet != null) {
            keys.add(audience + facet);
        }
        if (keys.isEmpty()) {
            keys.add(audience);
        }
        keys = new ArrayList<>(new LinkedHashSet<>(keys));
        long total;
        if (keys.size() > 1) {
            String driver = null;
            long smallest = Long.MAX_VALUE;
            for (String key : keys) {
                long count = mongo.count(query(where(KEYS).is(key)), Person.class);
                if (count < smallest) {
                    smallest = count;
                    driver = key;
                }
            }
            if (smallest == 0) {
                return new PageImpl<>(List.of(), pageable, 0);
            }
            keys.remove(driver);
            keys.add(0, driver);
        }
        Criteria criteria;
        if (keys.size() == 1 && exact.isEmpty()) {
            criteria = where(KEYS).is(keys.get(0));
        } else {
            // The driver first: a planner that reads one condition's index range reads the smallest.
            List<Criteria> all = new ArrayList<>();
            keys.forEach(key -> all.add(where(KEYS).is(key)));
            all.addAll(exact);
            criteria = new Criteria().andOperator(all);
        }
        total = mongo.count(query(criteria), Person.class);
        if (total == 0 || pageable.getOffset() >= total) {
            return new PageImpl<>(List.of(), pageable, total);
        }
        List<Person> people = mongo.find(query(criteria).with(pageable).with(BY_NAME), Person.class);
        return new PageImpl<>(people, pageable, total);
    }

    /** The listed people of one organisation, by name. */
    public List<Person> listedIn(String organisationId) {
        return mongo.find(query(where("profile.organisationId").is(organisationId).and("profile.listInDirectory")
                .is(true)).with(BY_NAME), Person.class);
    }

    /** The people holding the registration: one, or two for a moment while it moves to its new address. */
    List<Person> holding(String registrationId) {
        return mongo.find(query(where("participations.registrationId").is(registrationId)), Person.class);
    }

    Optional<Person> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Person.class));
    }

    /** Inserts a newcomer or replaces the document if nobody wrote it since it was read (else an exception). */
    Person save(Person person) {
        return mongo.save(person);
    }

    /** People who consented to be listed, by name. */
    public Page<Person> listed(DirectoryFilter filter, Pageable pageable) {
        return search(SearchKeys.LISTED, filter, pageable);
    }

    /** Everyone with a registration for the conference, listed or not, by name. */
    public Page<Person> registeredFor(String conferenceId, Pageable pageable) {
        Criteria criteria = where("participations.conferenceId").is(conferenceId);
        long total = mongo.count(query(criteria), Person.class);
        List<Person> people = mongo.find(query(criteria).with(pageable).with(BY_NAME), Person.class);
        return new PageImpl<>(people, pageable, total);
    }

    /** Some participation in the conference, to name a conference the conferences topic has not brought yet. */
    public Optional<Participation> anyParticipationIn(String conferenceId) {
        return Optional.ofNullable(mongo.findOne(query(where("participations.conferenceId").is(conferenceId)),
                Person.class)).flatMap(p -> p.participationsIn(conferenceId).stream().findFirst());
    }

    /**
     * Organisations that have listed people matching the filter (the query matches the organisation's name),
     * each with those people; ordered by organisation name.
     */
    public Page<OrganisationMembers> listedByOrganisation(DirectoryFilter filter, Pageable pageable) {
        return listings.find(filter, pageable);
    }

    private static Criteria listedCriteria(DirectoryFilter filter, String tokensField) {
        return filtered(where("profile.listInDirectory").is(true), filter, tokensField);
    }

    private static Criteria filtered(Criteria audience, DirectoryFilter filter, String tokensField) {
        List<Criteria> all = new ArrayList<>();
        all.add(audience);
        if (filter.type() != null) {
            all.add(where("profile.stakeholderType").is(filter.type()));
        }
        if (filter.country() != null) {
            all.add(where("profile.country").is(filter.country()));
        }
        for (String term : filter.terms()) {
            all.add(where(tokensField).in(startsWithAnyOf(term)));
        }
        return new Criteria().andOperator(all);
    }

    /**
     * Prefix matches of a stored token, the term as typed or transliterated ("иван" also finds "Ivan"): one
     * anchored literal regex per spelling inside {@code $in}, because MongoDB turns each "^literal" into tight
     * bounds on the tokens index, which one alternation "^(?:a|b)" would not. Terms are folded to letters and
     * digits already; quoting still guarantees the user's text is never read as a pattern.
     */
    static List<Pattern> startsWithAnyOf(String term) {
        Set<String> spellings = new LinkedHashSet<>(List.of(term, Transliteration.toLatin(term)));
        return spellings.stream().map(s -> Pattern.compile("^" + quote(s))).toList();
    }

    /**
     * A backslash before every ASCII character that is not a letter or digit (only those can be metacharacters):
     * the same literal in Java's regex syntax (mongo-java-server) and PCRE's (MongoDB).
     */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 128 && !Character.isLetterOrDigit(c)) {
                quoted.append('\\');
            }
            quoted.appendCodePoint(c);
        });
        return quoted.toString();
    }
}
