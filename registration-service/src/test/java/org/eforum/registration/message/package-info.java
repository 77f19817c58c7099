/** Tests of the organisers' messages to participants: API, pages and what goes to Kafka. */
@NullMarked
package org.eforum.registration.message;

import org.jspecify.annotations.NullMarked;
