/**
 * The notification service. Features, each in its own package:
 * {@code conference} (the projection of conferences that routes organiser mail),
 * {@code registration} (which mails a registration event owes),
 * {@code delivery} (claiming each mail once, the delivery log and its API),
 * {@code mail} (composing Bulgarian/English mails from templates and handing them to SMTP),
 * {@code security} (who may read the log).
 */
@NullMarked
package org.eforum.notification;

import org.jspecify.annotations.NullMarked;
