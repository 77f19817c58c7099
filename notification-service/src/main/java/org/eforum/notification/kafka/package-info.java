/**
 * What this service adds to the platform's Kafka error handling: the outcome of a dead-lettered event is
 * written onto its deliveries.
 */
package org.eforum.notification.kafka;
