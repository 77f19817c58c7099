/**
 * The Kafka side: listeners that hand each event to its projection. Malformed records never reach them; the
 * platform's error handler sends those to the topic's dead-letter topic.
 */
package org.eforum.directory.ingest;
