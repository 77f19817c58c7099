package org.eforum.platform.privacy;

import org.eforum.contracts.event.EmailHash;
import org.eforum.platform.startup.RefusedSetting;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The address key every service shares, installed as the process's {@link EmailHash} key before any listener or
 * request runs; outside the {@code local} profile an app without it refuses to start. Apps that read registration
 * events ({@code eforum.privacy.open-personal-data=true}) also get the person keys and the {@link PersonalDataReader}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PrivacySettings.class)
public class PrivacyAutoConfiguration {

    static final String PROPERTY = "eforum.privacy.address-key";

    /** Public, like the local profile's passwords: never valid anywhere else. */
    static final String LOCAL_ADDRESS_KEY = "local-only-address-key-never-use-in-production-0123456789";

    @Bean
    @ConditionalOnProperty(name = "eforum.privacy.person-ids", havingValue = "true", matchIfMissing = true)
    EmailHash eforumEmailHash(PrivacySettings settings, Environment environment) {
        String key = settings.addressKey();
        if ((key == null || key.isEmpty()) && environment.acceptsProfiles(Profiles.of("local"))) {
            key = LOCAL_ADDRESS_KEY;
        }
        if (key == null || key.length() < EmailHash.MIN_SECRET_LENGTH) {
            throw new RefusedSetting(PROPERTY, PROPERTY + " is "
                    + (key == null || key.isEmpty() ? "not set" : "shorter than " + EmailHash.MIN_SECRET_LENGTH
                            + " characters") + "; it derives the person ids that erasures and person keys are "
                    + "known by, the same in every service. Only the 'local' profile has a default.",
                    "Set EFORUM_PRIVACY_ADDRESS_KEY to the same at least 32 random characters in every service, e.g. "
                            + "`openssl rand -base64 48`, and keep it: a new one makes every earlier erasure and "
                            + "person key unknown.");
        }
        EmailHash.useKey(key);
        return new EmailHash(key);
    }

    @Bean
    @ConditionalOnProperty(name = "eforum.privacy.open-personal-data", havingValue = "true")
    PersonKeyCache eforumPersonKeyCache(KafkaProperties kafka) {
        return new PersonKeyCache(kafka.buildConsumerProperties());
    }

    @Bean
    @ConditionalOnProperty(name = "eforum.privacy.open-personal-data", havingValue = "true")
    PersonalDataReader eforumPersonalDataReader(PersonKeyCache keys, PrivacySettings settings) {
        return new PersonalDataReader(keys, settings.keyWait());
    }
}
