package org.eforum.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param claimLease how long a claim protects an attempt in progress from a second sender (a consumer that
 *                   lost its partition but is still sending). Longer than any SMTP attempt can take (see the
 *                   {@code mail.smtp.*timeout} settings), and shorter than the Kafka retry window, so that a
 *                   claim left by a crashed instance is taken over before the event is dead-lettered.
 */
@ConfigurationProperties("eforum.delivery")
public record DeliverySettings(@DefaultValue("60s") Duration claimLease) {
}
