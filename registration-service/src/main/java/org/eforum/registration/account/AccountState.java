package org.eforum.registration.account;

/** Where an organiser account stands: invited (no password yet, cannot log in), active, or disabled for good. */
public enum AccountState {
    INVITED,
    ACTIVE,
    DISABLED
}
