package org.eforum.contracts.event;

/** The conference's named contact: receives organiser mail in To. */
public record Contact(String name, String email) {
}
