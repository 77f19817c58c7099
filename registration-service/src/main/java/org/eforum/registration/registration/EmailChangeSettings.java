package org.eforum.registration.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the link mailed to a participant's new address confirms the change
 * ({@code eforum.registration.email-change.validity}, 48 hours): long enough for a weekend, short enough that an
 * old mail in a mailbox someone else reads later no longer moves the registration.
 */
@ConfigurationProperties("eforum.registration.email-change")
record EmailChangeSettings(@DefaultValue("48h") Duration validity) {
}
