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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.text.Transliteration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** The people collection: the write side by private id, and the directory's read queries. */
@Component
public class People implements InitializingBean {

    private static final Sort BY_NAME = Sort.by("search.sortKey", "publicId");

    private final MongoTemplate mongo;

    People(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs before the listener containers start, so the unique public id is enforced from the first write. */
    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(Person.class);
        indexes.createIndex(new Index("publicId", Sort.Direction.ASC).unique());
        indexes.createIndex(new Index("participations.conferenceId", Sort.Direction.ASC));
        indexes.createIndex(new Index("emailHash", Sort.Direction.ASC).unique());
        indexes.createIndex(new Index("search.tokens", Sort.Direction.ASC));
        indexes.createIndex(new Index("search.organisationTokens", Sort.Direction.ASC));
        indexes.createIndex(new Index("profile.organisationId", Sort.Direction.ASC));
        // The unfiltered listings: equality on the consent, then the sort order, so a page is an index walk.
        indexes.createIndex(new Index("profile.listInDirectory", Sort.Direction.ASC)
                .on("search.sortKey", Sort.Direction.ASC).on("publicId", Sort.Direction.ASC));
        indexes.createIndex(new Index("profile.joinExpertsNetwork", Sort.Direction.ASC)
                .on("search.sortKey", Sort.Direction.ASC).on("publicId", Sort.Direction.ASC));
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
        Criteria criteria = filtered(where("profile.joinExpertsNetwork").is(true), filter, "search.tokens");
        long total = mongo.count(query(criteria), Person.class);
        List<Person> people = mongo.find(query(criteria).with(pageable).with(BY_NAME), Person.class);
        return new PageImpl<>(people, pageable, total);
    }

    /** The listed people of one organisation, by name. */
    public List<Person> listedIn(String organisationId) {
        return mongo.find(query(where("profile.listInDirectory").is(true).and("profile.organisationId")
                .is(organisationId)).with(BY_NAME), Person.class);
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
        Criteria criteria = listedCriteria(filter, "search.tokens");
        long total = mongo.count(query(criteria), Person.class);
        List<Person> people = mongo.find(query(criteria).with(pageable).with(BY_NAME), Person.class);
        return new PageImpl<>(people, pageable, total);
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
        Criteria criteria = listedCriteria(filter, "search.organisationTokens")
                .and("profile.organisationId").ne(null);
        Aggregation count = newAggregation(match(criteria), group("profile.organisationId"));
        long total = mongo.aggregate(count, Person.COLLECTION, Document.class).getMappedResults().size();
        Aggregation page = newAggregation(
                match(criteria),
                group("profile.organisationId")
                        .first("search.organisationSortKey").as("sortKey")
                        .first("profile.organisation").as("spelling")
                        .first("profile.country").as("country")
                        .addToSet("profile.stakeholderType").as("types")
                        .push(new Document("firstName", "$profile.firstName").append("lastName", "$profile.lastName")
                                .append("sortKey", "$search.sortKey").append("publicId", "$publicId")).as("people"),
                sort(Sort.by("sortKey", "_id")),
                skip(pageable.getOffset()),
                limit(pageable.getPageSize()));
        List<OrganisationMembers> organisations = mongo.aggregate(page, Person.COLLECTION, Document.class)
                .getMappedResults().stream().map(People::members).toList();
        return new PageImpl<>(organisations, pageable, total);
    }

    private static OrganisationMembers members(Document group) {
        List<StakeholderType> types = group.getList("types", String.class).stream().map(StakeholderType::valueOf)
                .sorted().toList();
        List<OrganisationMembers.Member> people = group.getList("people", Document.class).stream()
                .sorted(Comparator.comparing((Document d) -> String.valueOf(d.getString("sortKey")))
                        .thenComparing(d -> String.valueOf(d.getString("publicId"))))
                .map(d -> new OrganisationMembers.Member(d.getString("firstName"), d.getString("lastName")))
                .toList();
        return new OrganisationMembers(group.getString("_id"), group.getString("spelling"), group.getString("country"),
                types, people);
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
    private static List<Pattern> startsWithAnyOf(String term) {
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
