/**
 * Health checks every app shares: MongoDB by {@code ping} (the wire server used locally knows no
 * {@code hello}) and Kafka.
 */
@NullMarked
package org.eforum.platform.health;

import org.jspecify.annotations.NullMarked;
