/**
 * A registration's mails and their delivery status, read from notification-service's delivery log API with a
 * service account: that service owns the log, nothing here shares its database.
 */
@NullMarked
package org.eforum.registration.maillog;

import org.jspecify.annotations.NullMarked;
