package org.eforum.registration.validation;

import java.util.List;

/** The languages E-Forum speaks. */
public final class Language {

    public static final List<String> SUPPORTED = List.of("bg", "en");
    public static final String PATTERN = "bg|en";

    private Language() {
    }
}
