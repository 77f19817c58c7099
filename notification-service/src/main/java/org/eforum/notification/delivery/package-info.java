/**
 * Each mail delivered once in effect. A delivery is identified by the event, the kind of mail and the
 * recipient; it is claimed in MongoDB with an atomic insert before the mail is sent and marked {@code SENT}
 * once SMTP has accepted it, so a redelivered event, a restart or a retry finds the claim and sends nothing
 * twice. The {@code web} subpackage serves the delivery log.
 */
@NullMarked
package org.eforum.notification.delivery;

import org.jspecify.annotations.NullMarked;
