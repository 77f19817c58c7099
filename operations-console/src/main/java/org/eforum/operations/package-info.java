/**
 * The operations console: the services' health, the topics and their lag, the registration outbox and the
 * dead letters, with re-drive. It reads Kafka and the services' HTTP endpoints; it owns no store.
 */
@NullMarked
package org.eforum.operations;

import org.jspecify.annotations.NullMarked;
