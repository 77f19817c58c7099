/**
 * The registration service: conferences and their registrations in MongoDB, each change and the event it owes
 * written in one document, published to Kafka by the outbox relay. Here: the application and its settings.
 */
@NullMarked
package org.eforum.registration;

import org.jspecify.annotations.NullMarked;
