package org.eforum.contracts.event;

/** What the participant agreed to: data processing (always true when registered), directory listing, experts' network. */
public record Consents(boolean dataProcessing, boolean listInDirectory, boolean joinExpertsNetwork) {
}
