package org.eforum.platform.security;

/** The roles of E-Forum's users besides the anonymous participant. */
public final class Roles {

    public static final String ORGANISER = "ORGANISER";
    public static final String OPERATOR = "OPERATOR";

    private Roles() {
    }
}
