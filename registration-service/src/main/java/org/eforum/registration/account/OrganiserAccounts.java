package org.eforum.registration.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The {@code organiser_accounts} collection, keyed by username. */
@Repository
class OrganiserAccounts {

    private final MongoTemplate mongo;

    OrganiserAccounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the username is taken */
    void insert(OrganiserAccount account) {
        mongo.insert(account);
    }

    Optional<OrganiserAccount> find(String username) {
        return Optional.ofNullable(mongo.findById(username, OrganiserAccount.class));
    }

    List<OrganiserAccount> all() {
        return mongo.find(new Query().with(Sort.by("_id")), OrganiserAccount.class);
    }

    /** An invited account invited again: its new name and address; empty unless it is still invited. */
    Optional<OrganiserAccount> inviteAgain(String username, String displayName, String email) {
        return Optional.ofNullable(mongo.findAndModify(stillInvited(username),
                new Update().set("displayName", displayName).set("email", email),
                FindAndModifyOptions.options().returnNew(true), OrganiserAccount.class));
    }

    /** The invitee set the password: the account is active; empty unless it was still invited (not disabled). */
    Optional<OrganiserAccount> activate(String username, String passwordHash) {
        return Optional.ofNullable(mongo.findAndModify(stillInvited(username),
                new Update().set("passwordHash", passwordHash).set("enabled", true),
                FindAndModifyOptions.options().returnNew(true), OrganiserAccount.class));
    }

    private static Query stillInvited(String username) {
        return query(where("_id").is(username).and("enabled").is(false).and("disabledAt").is(null));
    }

    /** @return the account as disabled, empty when there is none */
    Optional<OrganiserAccount> disable(String username, Instant now) {
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(username)),
                new Update().set("enabled", false).set("disabledAt", now),
                FindAndModifyOptions.options().returnNew(true), OrganiserAccount.class));
    }
}
