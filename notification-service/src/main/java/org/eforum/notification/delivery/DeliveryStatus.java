package org.eforum.notification.delivery;

/** Where a delivery stands, as the delivery log shows it. */
public enum DeliveryStatus {
    /** Claimed but not (yet) accepted by SMTP: being sent, or waiting for the next attempt after a failure. */
    RETRYING,
    /** Accepted by SMTP; never sent again. */
    SENT,
    /** Can never be sent as it stands (for example an invalid address); not retried. */
    FAILED
}
