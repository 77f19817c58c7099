package org.eforum.registration.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long an invitation's link works ({@code eforum.registration.invitations.validity}, 7 days). */
@ConfigurationProperties("eforum.registration.invitations")
record InvitationSettings(@DefaultValue("7d") Duration validity) {
}
