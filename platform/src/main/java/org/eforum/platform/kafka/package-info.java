/**
 * What every app does the same way with Kafka: the topics declared, failed records retried with an
 * exponential backoff and then dead-lettered with the reason; malformed records skip the retries.
 */
@NullMarked
package org.eforum.platform.kafka;

import org.jspecify.annotations.NullMarked;
