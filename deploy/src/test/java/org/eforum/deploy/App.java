package org.eforum.deploy;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One E-Forum app as the repository describes it.
 *
 * @param name         the module, its Deployment and its Service
 * @param port         the HTTP port it serves, actuator included ({@code server.port})
 * @param database     its MongoDB database ({@code spring.mongodb.database}), null when it has none
 * @param healthPaths  the health paths it answers: {@code /actuator/health} and one per health group
 * @param environment  the environment variables it needs outside the {@code local} profile (docker-compose.yml
 *                     gives them, and its application.yml or Spring's relaxed binding reads them)
 * @param exposed      whether the public reaches it (an Ingress), or only operators
 */
record App(String name, int port, @Nullable String database, Set<String> healthPaths, Set<String> environment,
        boolean exposed) {
}
