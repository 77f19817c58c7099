package org.eforum.registration;

import java.time.Duration;

import org.eforum.platform.startup.RefusedSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl     where participants reach this service; the self-service links in mails start with it
 * @param tokenSecret       key of the HMAC that signs self-service links; at least 32 characters, never shared
 * @param outboxPollInterval how often the relay looks for events not yet on Kafka
 * @param relayLeaseTtl     how long the lease lasts that lets one instance at a time relay the outboxes; after an
 *                          instance dies, another takes over within this time (more than 25 s: a relay batch's
 *                          longest run, see {@code OutboxRelay})
 * @param reconcileInterval how often the seat counters are compared with the registrations; a difference seen
 *                          twice in a row, a whole interval apart, is corrected (see {@code SeatCountReconciler})
 * @param statusCountMaxAge how old the registrations-by-status gauges may be: they count a collection that grows
 *                          all season, so each count serves every scrape within this age
 * @param linkResendInterval at most one mail per this interval repeats a participant's link when their address is
 *                          submitted again for the same conference (a repeat answers 409 and shows nothing)
 */
@ConfigurationProperties("eforum.registration")
public record RegistrationSettings(
        @DefaultValue("http://localhost:8081") String publicBaseUrl,
        String tokenSecret,
        @DefaultValue("200ms") Duration outboxPollInterval,
        @DefaultValue("30s") Duration relayLeaseTtl,
        @DefaultValue("1m") Duration reconcileInterval,
        @DefaultValue("15s") Duration statusCountMaxAge,
        @DefaultValue("10m") Duration linkResendInterval) {

    public RegistrationSettings {
        if (tokenSecret == null || tokenSecret.length() < 32) {
            throw new RefusedSetting("eforum.registration.token-secret", "eforum.registration.token-secret is "
                    + (tokenSecret == null || tokenSecret.isEmpty() ? "not set" : "shorter than 32 characters")
                    + "; it signs the participants' self-service links. Only the 'local' profile has a default.",
                    "Set EFORUM_REGISTRATION_TOKEN_SECRET to at least 32 random characters, e.g. `openssl rand -base64 48`.");
        }
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
