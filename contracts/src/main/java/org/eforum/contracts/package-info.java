/**
 * What the services agree on and nothing else: the topics, the events and their Kafka encoding.
 */
@NullMarked
package org.eforum.contracts;

import org.jspecify.annotations.NullMarked;
