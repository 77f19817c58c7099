package org.eforum.contracts.event;

/** Events of the accounts topic: an organiser account's life, keyed by its username so that its events stay in order. */
public sealed interface AccountEvent extends EforumEvent permits OrganiserInvited {

    String username();

    @Override
    default String aggregateId() {
        return username();
    }
}
