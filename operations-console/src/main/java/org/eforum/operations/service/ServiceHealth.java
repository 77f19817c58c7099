package org.eforum.operations.service;

import java.net.URI;

/**
 * One app's health as its actuator reports it: overall, liveness and readiness ({@code UP}, {@code DOWN},
 * {@code OUT_OF_SERVICE}, or {@code UNREACHABLE} when it did not answer).
 */
public record ServiceHealth(String name, URI url, String status, String liveness, String readiness) {
}
