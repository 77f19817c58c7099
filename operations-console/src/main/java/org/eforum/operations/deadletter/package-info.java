/**
 * Dead-letter topics: listing what landed there and why, and re-driving a record to its source topic.
 */
@NullMarked
package org.eforum.operations.deadletter;

import org.jspecify.annotations.NullMarked;
