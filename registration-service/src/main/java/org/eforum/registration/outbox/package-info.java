/**
 * The outbox embedded in each aggregate document and the relay that publishes it to Kafka, oldest first,
 * removing events only once Kafka acknowledged them; its backlog for operators.
 */
@NullMarked
package org.eforum.registration.outbox;

import org.jspecify.annotations.NullMarked;
