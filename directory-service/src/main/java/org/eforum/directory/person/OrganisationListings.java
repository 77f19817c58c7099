package org.eforum.directory.person;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * The public organisation listing, kept ready in two collections. {@code organisation_members} holds one entry per
 * listed person and organisation (name, type, the words of the organisation as they spelled it, and the keys they
 * give it). {@code organisation_listings} holds one document per organisation with the union of its members' keys,
 * the keys the listing's filters look up by equality ({@code o}, {@code o|t:TYPE}, {@code o|c:BG},
 * {@code o|t:TYPE|c:BG}, {@code o:<prefix>} of the organisation's words, as in {@link SearchKeys}). So the listing
 * is an index walk in {@code (keys, sortKey, _id)} order with an index-only count, and the page then reads the
 * members of the organisations it shows.
 * <p>
 * Derived data, kept by the projection one person at a time ({@link #reconcile}): the person's entry is written
 * (only over an older version of the person), then the listing gains the entry's keys and loses each key the
 * person gave up that no other member still gives (an index-only count), with a compare-and-set on the listing's
 * {@code changes} counter, retried; so a person's write costs a few index lookups whatever the organisation's size.
 * Recomputed from the people ({@link #recompute}) after an erasure and for every organisation on start (which also
 * fills it the first time and repairs one a crash left between the entry and the listing).
 * <p>
 * The keys are the union over the members; when members spelled the organisation with different words (only
 * apostrophes can do that: "O'Brien" also gives "brien"), "∃ a member matching every condition" is not the union's
 * answer, so such documents carry their keys marked {@code !} too and a query with terms checks them one by one
 * (falling back to an exact evaluation in the rare case one of them does not match after all).
 */
@Component
public class OrganisationListings {

    public static final String COLLECTION = "organisation_listings";
    public static final String MEMBERS = "organisation_members";
    private static final Logger log = LoggerFactory.getLogger(OrganisationListings.class);
    private static final Sort ORDER = Sort.by("sortKey", "_id");
    private static final Sort MEMBER_ORDER = Sort.by("organisationId", "sortKey", "publicId");
    private static final String AUDIENCE = "o";
    private static final String MIXED = "!";

    private final MongoTemplate mongo;

    OrganisationListings(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("keys", Sort.Direction.ASC)
                .on("sortKey", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        mongo.indexOps(MEMBERS).createIndex(new Index("organisationId", Sort.Direction.ASC)
                .on("sortKey", Sort.Direction.ASC).on("publicId", Sort.Direction.ASC));
        mongo.indexOps(MEMBERS).createIndex(new Index("organisationId", Sort.Direction.ASC)
                .on("keys", Sort.Direction.ASC));
        mongo.indexOps(MEMBERS).createIndex(new Index("organisationId", Sort.Direction.ASC)
                .on("spelling", Sort.Direction.ASC));
    }

    /** How often a listing write is retried when another one changed the listing in between. */
    private static final int ATTEMPTS = 50;

    /** A listed person as the listing shows and filters them, with what the listing's own fields and keys need. */
    record Member(String firstName, String lastName, String sortKey, String publicId, StakeholderType type,
            List<String> tokens, String country, String organisationSortKey, String organisation,
            Long personVersion) {

        /** The person as a member of their organisation's listing, or null when they are not listed. */
        static Member of(Person person) {
            Profile profile = person == null ? null : person.profile();
            if (profile == null || !profile.listInDirectory() || profile.organisationId() == null) {
                return null;
            }
            SearchKeys search = person.search();
            return new Member(profile.firstName(), profile.lastName(), search.sortKey(), person.publicId(),
                    profile.stakeholderType(), search.organisationTokens(), profile.country(),
                    search.organisationSortKey(), profile.organisation(), person.version());
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

        /** The keys this member gives the listing. */
        List<String> keys() {
            TreeSet<String> keys = new TreeSet<>();
            SearchKeys.addAudienceKeys(keys, AUDIENCE, type, country,
                    SearchKeys.prefixes(tokens == null ? List.of() : tokens));
            return List.copyOf(keys);
        }

        /** How this member spelled the organisation, as far as the keys can tell. */
        String spelling() {
            return String.join(" ", tokens == null ? List.of() : tokens);
        }
    }

    /** One member of one organisation's listing, with the keys they give it. */
    @Document(MEMBERS)
    record Entry(@Id String id, String organisationId, String publicId, Member member, String sortKey,
            List<String> keys, String spelling, Long personVersion) {

        static Entry of(String organisationId, Member member) {
            return new Entry(organisationId + "|" + member.publicId(), organisationId, member.publicId(), member,
                    member.sortKey(), member.keys(), member.spelling(), member.personVersion());
        }
    }

    @Document(COLLECTION)
    record Listing(@Id String id, String sortKey, String spelling, String country, List<String> keys,
            List<String> spellings, List<String> tokens, long changes) {

        /** The members' keys, without the {@code !} copies. */
        Set<String> memberKeys() {
            Set<String> own = new TreeSet<>();
            if (keys != null) {
                keys.stream().filter(key -> !key.startsWith(MIXED)).forEach(own::add);
            }
            return own;
        }
    }

    /**
     * Brings one person's place in the organisation's listing up to date after the person's write: their entry
     * becomes {@code member}, or goes when it is null (no longer listed, erased, or gone to another organisation),
     * unless a newer version of the person is there already; then the listing's keys follow.
     */
    void reconcile(String organisationId, String publicId, Member member) {
        if (organisationId == null) {
            return;
        }
        String entryId = organisationId + "|" + publicId;
        Entry before = mongo.findById(entryId, Entry.class);
        Entry after = settle(entryId, before, member == null ? null : Entry.of(organisationId, member));
        for (int attempt = 1; ; attempt++) {
            Listing current = mongo.findById(organisationId, Listing.class);
            Set<String> keys = current == null ? new TreeSet<>() : current.memberKeys();
            Set<String> spellings = new TreeSet<>(current == null || current.spellings() == null ? List.of()
                    : current.spellings());
            if (after != null) {
                keys.addAll(after.keys());
                spellings.add(after.spelling());
            }
            if (before != null) {
                for (String key : before.keys()) {
                    if ((after == null || !after.keys().contains(key)) && !anyMember(organisationId, "keys", key)) {
                        keys.remove(key);
                    }
                }
                if ((after == null || !after.spelling().equals(before.spelling()))
                        && !anyMember(organisationId, "spelling", before.spelling())) {
                    spellings.remove(before.spelling());
                }
            }
            if (write(organisationId, current, keys, spellings, firstMember(organisationId))) {
                return;
            }
            if (attempt == ATTEMPTS) {
                throw new OptimisticLockingFailureException("listing of " + organisationId + " kept changing");
            }
        }
    }

    /**
     * Writes the person's entry ({@code next}, or its removal when null) over {@code before} unless a newer version
     * of the person stands there, and returns the entry that stands now: read back only when another write won.
     */
    private Entry settle(String entryId, Entry before, Entry next) {
        if (next == null) {
            if (before == null) {
                return null;
            }
            boolean removed = mongo.remove(query(where("_id").is(entryId).and("personVersion")
                    .is(before.personVersion())), Entry.class).getDeletedCount() == 1;
            return removed ? null : mongo.findById(entryId, Entry.class);
        }
        if (before != null && before.member().equals(next.member())) {
            return before;
        }
        if (before == null) {
            try {
                mongo.insert(next);
                return next;
            } catch (DuplicateKeyException concurrent) {
                return mongo.findById(entryId, Entry.class); // another write of this person's entry came first
            }
        }
        if (!isOlder(before.personVersion(), next.personVersion())) {
            return before;
        }
        boolean replaced = mongo.updateFirst(query(where("_id").is(entryId).and("personVersion")
                .is(before.personVersion())), new Update().set("member", next.member()).set("sortKey", next.sortKey())
                .set("keys", next.keys()).set("spelling", next.spelling()).set("personVersion", next.personVersion()),
                Entry.class).getMatchedCount() == 1;
        return replaced ? next : mongo.findById(entryId, Entry.class);
    }

    private static boolean isOlder(Long stored, Long incoming) {
        return stored == null || incoming == null || stored < incoming;
    }

    private boolean anyMember(String organisationId, String field, String value) {
        return mongo.count(query(where("organisationId").is(organisationId).and(field).is(value)).limit(1),
                Entry.class) > 0;
    }

    private Member firstMember(String organisationId) {
        Entry first = mongo.findOne(query(where("organisationId").is(organisationId)).with(MEMBER_ORDER).limit(1),
                Entry.class);
        return first == null ? null : first.member();
    }

    /**
     * Recomputes the organisation's entries and listing from its listed people (after an erasure, and on start).
     * Reads every member: for the rare writes that may change many at once, never on the projection's way.
     */
    void recompute(String organisationId) {
        if (organisationId == null) {
            return;
        }
        Map<String, Member> listed = new LinkedHashMap<>();
        mongo.find(query(where("profile.organisationId").is(organisationId).and("profile.listInDirectory").is(true)),
                Person.class).stream().map(Member::of).filter(Objects::nonNull)
                .forEach(member -> listed.put(member.publicId(), member));
        for (Entry entry : mongo.find(query(where("organisationId").is(organisationId)), Entry.class)) {
            if (!listed.containsKey(entry.publicId())) {
                // Not listed when the people were read: gone, unless the person was listed here just since.
                Person now = mongo.findOne(query(where("publicId").is(entry.publicId())), Person.class);
                if (Member.of(now) == null || !organisationId.equals(now.profile().organisationId())) {
                    reconcile(organisationId, entry.publicId(), null);
                }
            } else if (entry.member().equals(listed.get(entry.publicId()))) {
                listed.remove(entry.publicId());
            }
        }
        listed.values().forEach(member -> reconcile(organisationId, member.publicId(), member));
        for (int attempt = 1; ; attempt++) {
            Listing current = mongo.findById(organisationId, Listing.class);
            List<Entry> entries = mongo.find(query(where("organisationId").is(organisationId)), Entry.class);
            Set<String> keys = new TreeSet<>();
            Set<String> spellings = new TreeSet<>();
            entries.forEach(entry -> {
                keys.addAll(entry.keys());
                spellings.add(entry.spelling());
            });
            if (write(organisationId, current, keys, spellings, firstMember(organisationId))) {
                return;
            }
            if (attempt == ATTEMPTS) {
                throw new OptimisticLockingFailureException("listing of " + organisationId + " kept changing");
            }
        }
    }

    /**
     * Writes the listing with these keys if nobody changed it since {@code current} was read; an unchanged listing
     * is not written.
     */
    private boolean write(String organisationId, Listing current, Set<String> memberKeys, Set<String> spellings,
            Member first) {
        List<String> keys = new ArrayList<>(memberKeys);
        if (spellings.size() > 1) {
            memberKeys.forEach(key -> keys.add(MIXED + key));
        }
        long changes = current == null ? 0 : current.changes();
        // The words of every spelling, for the terms whose key is only a necessary condition.
        Set<String> tokens = new TreeSet<>();
        spellings.forEach(spelling -> tokens.addAll(List.of(spelling.split(" "))));
        tokens.remove("");
        Listing next = first == null
                ? new Listing(organisationId, null, null, null, List.of(), List.of(), List.of(), changes + 1)
                : new Listing(organisationId, first.organisationSortKey(), first.organisation(), first.country(),
                        keys, List.copyOf(spellings), List.copyOf(tokens), changes + 1);
        if (current == null) {
            if (first == null) {
                return true; // nothing to list, nothing listed
            }
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException concurrentInsert) {
                return false;
            }
        }
        if (Objects.equals(current.sortKey(), next.sortKey()) && Objects.equals(current.spelling(), next.spelling())
                && Objects.equals(current.country(), next.country()) && Objects.equals(current.keys(), next.keys())
                && Objects.equals(current.spellings(), next.spellings())
                && Objects.equals(current.tokens(), next.tokens())) {
            return true;
        }
        Update update = new Update().set("sortKey", next.sortKey()).set("spelling", next.spelling())
                .set("country", next.country()).set("keys", next.keys()).set("spellings", next.spellings())
                .set("tokens", next.tokens()).set("changes", next.changes()).unset("members");
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
        mongo.remove(new Query(), MEMBERS);
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
                exact.add(where("tokens").in(People.startsWithAnyOf(term)));
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
            if (withMembers(suspects, filter).stream().anyMatch(listing -> listing.people().isEmpty())) {
                return exactly(criteria, filter, pageable);
            }
        }
        long total = mongo.count(query(criteria), COLLECTION);
        if (total == 0 || pageable.getOffset() >= total) {
            return new PageImpl<>(List.of(), pageable, total);
        }
        List<OrganisationMembers> page = withMembers(
                mongo.find(query(criteria).with(pageable).with(ORDER), Listing.class), filter);
        return new PageImpl<>(page, pageable, total);
    }

    private Page<OrganisationMembers> exactly(Criteria criteria, DirectoryFilter filter, Pageable pageable) {
        log.debug("Organisation listing for {} computed exactly: members spelled an organisation differently", filter);
        List<OrganisationMembers> all = withMembers(mongo.find(query(criteria).with(ORDER), Listing.class), filter)
                .stream().filter(members -> !members.people().isEmpty()).toList();
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

    /** The organisations as the listing shows them for this filter: their matching members (one read) and types. */
    private List<OrganisationMembers> withMembers(List<Listing> listings, DirectoryFilter filter) {
        if (listings.isEmpty()) {
            return List.of();
        }
        Map<String, List<Member>> members = new HashMap<>();
        mongo.find(query(where("organisationId").in(listings.stream().map(Listing::id).toList())).with(MEMBER_ORDER),
                Entry.class).forEach(entry -> members.computeIfAbsent(entry.organisationId(), id -> new ArrayList<>())
                        .add(entry.member()));
        return listings.stream().map(listing -> members(listing, members.getOrDefault(listing.id(), List.of()), filter))
                .toList();
    }

    private static OrganisationMembers members(Listing listing, List<Member> members, DirectoryFilter filter) {
        List<Member> matching = members.stream().filter(member -> member.matches(filter)).toList();
        List<StakeholderType> types = matching.stream().map(Member::type).filter(Objects::nonNull).distinct()
                .sorted().toList();
        return new OrganisationMembers(listing.id(), listing.spelling(), listing.country(), types,
                matching.stream().map(m -> new OrganisationMembers.Member(m.firstName(), m.lastName())).toList());
    }
}
