package org.eforum.operations.service;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param services the apps the console watches: name → base URL (their actuator health is read from there) */
@ConfigurationProperties("eforum.console")
public record ConsoleSettings(Map<String, URI> services) {

    public ConsoleSettings {
        services = services == null ? Map.of() : Map.copyOf(services);
        services.forEach((name, url) -> {
            if (!url.isAbsolute() || !url.getScheme().matches("https?") || url.getHost() == null) {
                throw new IllegalStateException("eforum.console.services." + name + " must be an http(s) URL, not " + url);
            }
        });
    }
}
