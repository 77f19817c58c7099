package org.eforum.directory.person;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.text.Transliteration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The public organisation listing, kept ready: one document per organisation with its listed people (name, type,
 * the words of the organisation as each spelled it) and the keys the listing's filters look up by equality
 * ({@code o}, {@code o|t:TYPE}, {@code o|c:BG}, {@code o|t:TYPE|c:BG}, {@code o:<prefix>} of the organisation's
 * words, as in {@link SearchKeys}). So the listing is an index walk in {@code (keys, sortKey, _id)} order with an
 * index-only count, instead of grouping every listed person on each request.
 * <p>
 * Derived data, kept by the projection one person at a time ({@link #reconcile}: the listing is read, that one
 * member replaced, the keys derived from the members it holds), so a person's write costs one listing, not a read
 * of every member; recomputed from the people ({@link #recompute}) after an erasure and for every organisation on
 * start (which also fills it the first time and repairs one a crash left behind). Every write of a listing is a
 * compare-and-set on its {@code changes} counter, retried on a concurrent change, so neither kind of write can
 * undo the other.
 * <p>
 * The keys are the union over the members; when members spelled the organisation with different words (only
 * apostrophes can do that: "O'Brien" also gives "brien"), "∃ a member matching every condition" is not the union's
 * answer, so such documents carry their keys marked {@code !} too and a query with terms checks them one by one
 * (falling back to an exact evaluation in the rare case one of them does not match after all).
 */
@Component
public class OrganisationListings {

    public static final String COLLECTION = "organisation_listings";
    private static final Logger log = LoggerFactory.getLogger(OrganisationListings.class);
    private static final Sort ORDER = Sort.by("sortKey", "_id");
    private static final String AUDIENCE = "o";
    private static final String MIXED = "!";

    private final MongoTemplate mongo;

    OrganisationListings(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("keys", Sort.Direction.ASC)
                .on("sortKey", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    /** How often a listing write is retried when another one changed the listing in between. */
    private static final int ATTEMPTS = 50;

    /** A listed person as the listing shows and filters them, with what the listing's own fields and keys need. */
    record Member(String firstName, String lastName, String sortKey, String publicId, StakeholderType type,
            List<String> tokens, String country, String organisationSortKey, String organisation) {

        /** The person as a member of their organisation's listing, or null when they are not listed. */
        static Member of(Person person) {
            Profile profile = person == null ? null : person.profile();
            if (profile == null || !profile.listInDirectory() || profile.organisationId() == null) {
                return null;
            }
            SearchKeys search = person.search();
            return new Member(profile.firstName(), profile.lastName(), search.sortKey(), person.publicId(),
                    profile.stakeholderType(), search.organisationTokens(), profile.country(),
                    search.organisationSortKey(), profile.organisation());
        }

        boolean matches(DirectoryFilter filter) {
            if (filter.type() != null && filter.type() != type) {
                return false;
            }
            for (String term : filter.terms()) {
                Set<String> spellings = new LinkedHashSet<>(List.of(term, Transliteration.toLatin(term)));
                if (tokens == null || tokens.stream().noneMatch(t -> spellings.stream().anyMatch(t::startsWith))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Comparator<Member> BY_NAME = Comparator.comparing(Member::sortKey,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Member::publicId);

    @Document(COLLECTION)
    record Listing(@Id String id, String sortKey, String spelling, String country, List<Member> members,
            List<String> keys, long changes) {
    }

    /**
     * Brings one person's place in the organisation's listing up to date after the person's write: their member
     * entry replaced by {@code member}, or removed when it is null (no longer listed, erased, or gone to another
     * organisation). Reads and writes this listing only; a listing that already shows the person so is left alone.
     */
    void reconcile(String organisationId, String publicId, Member member) {
        if (organisationId == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            Listing current = mongo.findById(organisationId, Listing.class);
            List<Member> members = new ArrayList<>(current == null || current.members() == null ? List.of()
                    : current.members());
            boolean changed = members.removeIf(m -> m.publicId().equals(publicId) && !m.equals(member));
            boolean present = members.stream().anyMatch(m -> m.publicId().equals(publicId));
            if (member != null && !present) {
                members.add(member);
                changed = true;
            }
            if (!changed) {
                return;
            }
            if (write(organisationId, current, members)) {
                return;
            }
            if (attempt == ATTEMPTS) {
                throw new OptimisticLockingFailureException("listing of " + organisationId + " kept changing");
            }
        }
    }

    /** Recomputes the listing of the organisation from its listed people (after an erasure, and on start). */
    void recompute(String organisationId) {
        if (organisationId == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            Listing current = mongo.findById(organisationId, Listing.class);
            List<Member> members = mongo.find(query(where("profile.organisationId").is(organisationId)
                    .and("profile.listInDirectory").is(true)).with(Sort.by("search.sortKey", "publicId")),
                    Person.class).stream().map(Member::of).filter(Objects::nonNull).toList();
            if (write(organisationId, current, members)) {
                return;
            }
            if (attempt == ATTEMPTS) {
                throw new OptimisticLockingFailureException("listing of " + organisationId + " kept changing");
            }
        }
    }

    /** Writes the listing of these members if nobody changed it since {@code current} was read. */
    private boolean write(String organisationId, Listing current, List<Member> unsorted) {
        List<Member> members = new ArrayList<>(unsorted);
        members.sort(BY_NAME);
        TreeSet<String> keys = new TreeSet<>();
        Set<List<String>> spellings = new LinkedHashSet<>();
        Set<List<String>> prefixed = new LinkedHashSet<>();
        for (Member member : members) {
            List<String> tokens = member.tokens() == null ? List.of() : member.tokens();
            spellings.add(tokens);
            keys.add(AUDIENCE);
            for (String facet : new String[] {SearchKeys.facet(member.type(), null),
                    SearchKeys.facet(null, member.country()), SearchKeys.facet(member.type(), member.country())}) {
                if (facet != null) {
                    keys.add(AUDIENCE + facet);
                }
            }
            if (prefixed.add(tokens)) { // members mostly share the organisation's words: their prefixes once
                SearchKeys.prefixes(tokens).forEach(prefix -> keys.add(AUDIENCE + ":" + prefix));
            }
        }
        List<String> allKeys = new ArrayList<>(keys);
        if (spellings.size() > 1) {
            keys.forEach(key -> allKeys.add(MIXED + key));
        }
        Member first = members.isEmpty() ? null : members.get(0);
        long changes = current == null ? 0 : current.changes();
        // A member stored before these fields existed has none; the start-up recomputation fills them in.
        Listing next = first == null ? new Listing(organisationId, null, null, null, members, allKeys, changes + 1)
                : new Listing(organisationId,
                        first.organisationSortKey() != null || current == null ? first.organisationSortKey()
                                : current.sortKey(),
                        first.organisation() != null || current == null ? first.organisation() : current.spelling(),
                        first.country() != null || current == null ? first.country() : current.country(),
                        members, allKeys, changes + 1);
        if (current == null) {
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException concurrentInsert) {
                return false;
            }
        }
        Update update = new Update().set("sortKey", next.sortKey()).set("spelling", next.spelling())
                .set("country", next.country()).set("members", members).set("keys", allKeys)
                .set("changes", next.changes());
        return mongo.updateFirst(query(where("_id").is(organisationId).and("changes").is(changes)), update,
                Listing.class).getMatchedCount() == 1;
    }

    /** Every organisation's listing, e.g. on start; returns how many were computed. */
    int recomputeAll(List<String> organisationIds) {
        organisationIds.forEach(this::recompute);
        return organisationIds.size();
    }

    boolean isEmpty() {
        return mongo.count(new Query().limit(1), COLLECTION) == 0;
    }

    void clear() {
        mongo.remove(new Query(), COLLECTION);
    }

    /**
     * Organisations that have listed people matching the filter, each with those people (by name) and their
     * types; by organisation name, then id.
     */
    Page<OrganisationMembers> find(DirectoryFilter filter, Pageable pageable) {
        List<String> keys = new ArrayList<>();
        List<Criteria> exact = new ArrayList<>();
        for (String term : filter.terms()) {
            keys.add(AUDIENCE + ":" + SearchKeys.termKey(term));
            if (!SearchKeys.isExact(term)) {
                exact.add(where("members.tokens").in(People.startsWithAnyOf(term)));
            }
        }
        String facet = SearchKeys.facet(filter.type(), filter.country());
        if (facet != null) {
            keys.add(AUDIENCE + facet);
        }
        if (keys.isEmpty()) {
            keys.add(AUDIENCE);
        }
        keys = new ArrayList<>(new LinkedHashSet<>(keys));
        if (keys.size() > 1) {
            String driver = null;
            long smallest = Long.MAX_VALUE;
            for (String key : keys) {
                long count = mongo.count(query(where("keys").is(key)), COLLECTION);
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
        Criteria criteria = criteria(keys, exact);
        if (!filter.terms().isEmpty() && keys.size() + exact.size() > 0) {
            // Members who spelled the organisation differently: the union of their keys may match where no one
            // member does. Checked one by one; in the rare case one fails, the whole answer is computed exactly.
            List<String> mixed = keys.stream().map(key -> MIXED + key).toList();
            List<Listing> suspects = mongo.find(query(criteria(mixed, exact)), Listing.class);
            if (suspects.stream().anyMatch(listing -> members(listing, filter).people().isEmpty())) {
                return exactly(criteria, filter, pageable);
            }
        }
        long total = mongo.count(query(criteria), COLLECTION);
        if (total == 0 || pageable.getOffset() >= total) {
            return new PageImpl<>(List.of(), pageable, total);
        }
        List<OrganisationMembers> page = mongo.find(query(criteria).with(pageable).with(ORDER), Listing.class)
                .stream().map(listing -> members(listing, filter)).toList();
        return new PageImpl<>(page, pageable, total);
    }

    private Page<OrganisationMembers> exactly(Criteria criteria, DirectoryFilter filter, Pageable pageable) {
        log.debug("Organisation listing for {} computed exactly: members spelled an organisation differently", filter);
        List<OrganisationMembers> all = mongo.find(query(criteria).with(ORDER), Listing.class).stream()
                .map(listing -> members(listing, filter)).filter(members -> !members.people().isEmpty()).toList();
        int from = (int) Math.min(all.size(), pageable.getOffset());
        int to = Math.min(all.size(), from + pageable.getPageSize());
        return new PageImpl<>(all.subList(from, to), pageable, all.size());
    }

    private static Criteria criteria(List<String> keys, List<Criteria> exact) {
        if (keys.size() == 1 && exact.isEmpty()) {
            return where("keys").is(keys.get(0));
        }
        List<Criteria> all = new ArrayList<>();
        keys.forEach(key -> all.add(where("keys").is(key)));
        all.addAll(exact);
        return new Criteria().andOperator(all);
    }

    /** The organisation as the listing shows it for this filter: its matching members and their types. */
    private static OrganisationMembers members(Listing listing, DirectoryFilter filter) {
        List<Member> matching = listing.members().stream().filter(member -> member.matches(filter)).toList();
        List<StakeholderType> types = matching.stream().map(Member::type).filter(Objects::nonNull).distinct()
                .sorted().toList();
        return new OrganisationMembers(listing.id(), listing.spelling(), listing.country(), types,
                matching.stream().map(m -> new OrganisationMembers.Member(m.firstName(), m.lastName())).toList());
    }
}
