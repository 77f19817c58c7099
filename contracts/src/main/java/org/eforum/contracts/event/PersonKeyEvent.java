package org.eforum.contracts.event;

/** Records of the person-keys topic, keyed by the person id; an erased person's key is followed by a tombstone. */
public sealed interface PersonKeyEvent extends EforumEvent permits PersonKeyIssued {

    String personId();

    @Override
    default String aggregateId() {
        return personId();
    }
}
