/**
 * The Kafka side: listeners that hand each event to its projection. Malformed records never reach them; the
 * platform's error handler sends those to the topic's dead-letter topic.
 */
@NullMarked
package org.eforum.directory.ingest;

import org.jspecify.annotations.NullMarked;
