/**
 * What this service adds to the platform's Kafka error handling: the outcome of a dead-lettered event is
 * written onto its deliveries.
 */
@NullMarked
package org.eforum.notification.kafka;

import org.jspecify.annotations.NullMarked;
