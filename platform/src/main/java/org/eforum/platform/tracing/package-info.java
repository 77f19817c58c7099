/**
 * W3C trace context stored with an outbox event and continued when it is published, so one trace id runs
 * from the request through Kafka to the consumers' work.
 */
@NullMarked
package org.eforum.platform.tracing;

import org.jspecify.annotations.NullMarked;
