/**
 * The CloudEvents Kafka binding in binary mode: {@code ce_*} headers, JSON data, strict reading.
 */
@NullMarked
package org.eforum.contracts.kafka;

import org.jspecify.annotations.NullMarked;
