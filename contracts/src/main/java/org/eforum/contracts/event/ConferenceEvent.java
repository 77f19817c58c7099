package org.eforum.contracts.event;

/** Events of the conferences topic, which is compacted: the newest event of a conference is its state. */
public sealed interface ConferenceEvent extends EforumEvent permits ConferenceChanged {

    ConferenceSnapshot conference();

    @Override
    default String aggregateId() {
        return conference().id();
    }
}
