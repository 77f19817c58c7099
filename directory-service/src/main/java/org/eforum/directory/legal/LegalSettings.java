package org.eforum.directory.legal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param registrationBaseUrl where visitors reach registration-service, which publishes the notices */
@ConfigurationProperties("eforum.legal")
public record LegalSettings(@DefaultValue("http://localhost:8081") String registrationBaseUrl) {

    public LegalSettings {
        registrationBaseUrl = registrationBaseUrl.replaceAll("/+$", "");
    }
}
