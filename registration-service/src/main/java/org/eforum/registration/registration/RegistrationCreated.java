package org.eforum.registration.registration;

import org.eforum.contracts.event.RegistrationStatus;

/** The answer to a successful registration: its id, status and the participant's own link to it. */
public record RegistrationCreated(String id, String conferenceId, RegistrationStatus status, String selfServiceUrl) {
}
