package org.eforum.contracts.event;

/** Events of the erasures topic: a person's right to be forgotten, keyed by the keyed hash ({@link EmailHash}) of their e-mail address. */
public sealed interface ErasureEvent extends EforumEvent permits ErasureRequested {

    /** {@link EmailHash#of(String)} of the address to erase; the address itself never travels again. */
    String emailHash();

    @Override
    default String aggregateId() {
        return emailHash();
    }
}
