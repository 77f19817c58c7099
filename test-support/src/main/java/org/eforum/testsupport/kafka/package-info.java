/**
 * A real Kafka broker in a child JVM for tests that stop and restart it, as an outage looks to a service.
 */
@NullMarked
package org.eforum.testsupport.kafka;

import org.jspecify.annotations.NullMarked;
