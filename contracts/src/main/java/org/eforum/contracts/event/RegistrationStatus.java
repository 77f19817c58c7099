package org.eforum.contracts.event;

public enum RegistrationStatus {
    CONFIRMED,
    WAITLISTED,
    CANCELLED
}
