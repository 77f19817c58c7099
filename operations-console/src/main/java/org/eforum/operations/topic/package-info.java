/**
 * Kafka topics: end offsets, consumer-group lag and the last minutes' history (in memory) for the charts.
 */
@NullMarked
package org.eforum.operations.topic;

import org.jspecify.annotations.NullMarked;
