package org.eforum.registration.message;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param resumeAfter how long a message's handover may be under way before another round takes it for one a
 *                    stopped process left unfinished and hands it over again (also how often that is checked)
 */
@ConfigurationProperties("eforum.registration.messages")
public record MessageSettings(@DefaultValue("1m") Duration resumeAfter) {
}
