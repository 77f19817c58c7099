/**
 * The operators' view of mail: recent deliveries from notification-service's log, filtered, and each one's mail
 * as it was sent.
 */
@NullMarked
package org.eforum.operations.delivery;

import org.jspecify.annotations.NullMarked;
