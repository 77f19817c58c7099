package org.eforum.directory.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;


/**
 * Reads query parameters from their raw text and collects every problem, so a caller learns about all bad
 * parameters in one 400 rather than one at a time. Call {@link #validate()} (or read {@link #errors()}) once
 * everything is read.
 */
public final class QueryParameters {

    public static final int MAX_TEXT = 200;
    private static final int MAX_PAGE = 10_000;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<InvalidQueryException.FieldError> errors = new ArrayList<>();

    public Paging paging(String page, String size, int defaultSize, int maxSize) {
        return new Paging(integer("page", page, 0, 0, MAX_PAGE), integer("size", size, defaultSize, 1, maxSize));
    }

    /** Free text; blank means no filter. */
    public String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            reject(name, "must be at most " + MAX_TEXT + " characters");
            return null;
        }
        return value;
    }

    /** One constant of the enum, by its exact name; blank means no filter. */
    public <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip())).findFirst()
                .orElseGet(() -> {
                    reject(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
                    return null;
                });
    }

    /** An ISO 3166-1 alpha-2 code, in either case; blank means no filter. */
    public String country(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            reject(name, "must be an ISO 3166-1 alpha-2 country code");
            return null;
        }
        return code;
    }

    /** Every problem found so far, in the order the parameters were read. */
    public List<InvalidQueryException.FieldError> errors() {
        return List.copyOf(errors);
    }

    public void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
    }

    private int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like an out-of-range number
        }
        reject(name, "must be a whole number from " + min + " to " + max);
        return defaultValue;
    }

    private void reject(String field, String message) {
        errors.add(new InvalidQueryException.FieldError(field, message));
    }
}
