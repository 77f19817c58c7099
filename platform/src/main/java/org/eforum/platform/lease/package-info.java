/**
 * Leases kept in the app's own MongoDB database, so that work which must run in one instance at a time (the
 * outbox relay, scheduled rounds) runs once across N instances.
 */
@NullMarked
package org.eforum.platform.lease;

import org.jspecify.annotations.NullMarked;
