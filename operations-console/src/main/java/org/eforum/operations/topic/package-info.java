/**
 * Kafka topics: end offsets, consumer-group lag and the last minutes' history for the charts, sampled by one
 * console instance (elected through a consumer group) onto a topic of its own that every instance reads.
 */
@NullMarked
package org.eforum.operations.topic;

import org.jspecify.annotations.NullMarked;
