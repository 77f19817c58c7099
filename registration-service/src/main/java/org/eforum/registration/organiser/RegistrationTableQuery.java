package org.eforum.registration.organiser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.registration.registration.RegistrationSearch;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * What the registrations table shows, all of it in the address (so a link can be shared and the back button
 * works): the words searched, the filters, the order, the page and its size. It writes the links that change one
 * of them and keep the rest.
 */
record RegistrationTableQuery(
        @Nullable String q,
        @Nullable RegistrationStatus status,
        @Nullable StakeholderType stakeholderType,
        @Nullable String country,
        @Nullable Boolean listed,
        @Nullable Boolean expert,
        Column sort,
        boolean descending,
        int page,
        int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    static final int MAX_QUERY_LENGTH = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The columns one can sort by, as the address names them. */
    enum Column {
        NAME("name", RegistrationSearch.Order.NAME),
        ORGANISATION("organisation", RegistrationSearch.Order.ORGANISATION),
        STATUS("status", RegistrationSearch.Order.STATUS),
        REGISTERED_AT("registeredAt", RegistrationSearch.Order.REGISTERED_AT);

        final String param;
        final RegistrationSearch.Order order;

        Column(String param, RegistrationSearch.Order order) {
            this.param = param;
            this.order = order;
        }

        public String param() {
            return param;
        }

        static Column of(String param) {
            for (Column column : values()) {
                if (column.param.equals(param)) {
                    return column;
                }
            }
            throw new InvalidTableQueryException("sort", "is one of name, organisation, status, registeredAt");
        }
    }

    /** Reads the address's parameters; an empty one means "any". @throws InvalidTableQueryException for a bad one */
    static RegistrationTableQuery from(MultiValueMap<String, String> params) {
        String q = text(params, "q");
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidTableQueryException("q", "is at most " + MAX_QUERY_LENGTH + " characters");
        }
        String country = text(params, "country");
        if (country != null && !COUNTRIES.contains(country)) {
            throw new InvalidTableQueryException("country", "is an ISO 3166 code such as BG");
        }
        String sort = text(params, "sort");
        String dir = text(params, "dir");
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw new InvalidTableQueryException("dir", "is asc or desc");
        }
        return new RegistrationTableQuery(q, choice(params, "status", RegistrationStatus.class),
                choice(params, "stakeholderType", StakeholderType.class), country, yesNo(params, "listed"),
                yesNo(params, "expert"), sort == null ? Column.REGISTERED_AT : Column.of(sort), "desc".equals(dir),
                number(params, "page", 1, 1, Integer.MAX_VALUE), number(params, "size", DEFAULT_SIZE, 1, MAX_SIZE));
    }

    RegistrationSearch search(String conferenceId) {
        return new RegistrationSearch(conferenceId, q, status, stakeholderType, country, listed, expert, sort.order,
                descending);
    }

    long skip() {
        return (long) (page - 1) * size;
    }

    /** This table on another page. */
    String pageHref(String path, int otherPage) {
        return href(path, sort, descending, otherPage, true);
    }

    /** Sorted by {@code column}: ascending first, the other way round when it is the order already; back to page 1. */
    String sortHref(String path, Column column) {
        return href(path, column, column == sort && !descending, 1, true);
    }

    /** The same rows, all pages of them (an export). */
    String exportHref(String path) {
        return href(path, sort, descending, 1, false);
    }

    /** The {@code aria-sort} of a column's header: only the column the rows are in order of has one. */
    @Nullable String ariaSort(Column column) {
        return column != sort ? null : descending ? "descending" : "ascending";
    }

    /** Form-encoded as a GET form sends it (a "+" in the words becomes %2B), only what differs from the defaults. */
    private String href(String path, Column order, boolean down, int onPage, boolean paged) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "q", q);
        add(query, "status", status);
        add(query, "stakeholderType", stakeholderType);
        add(query, "country", country);
        add(query, "listed", listed);
        add(query, "expert", expert);
        add(query, "sort", order == Column.REGISTERED_AT ? null : order.param);
        add(query, "dir", down ? "desc" : null);
        add(query, "size", paged && size != DEFAULT_SIZE ? size : null);
        add(query, "page", paged && onPage != 1 ? onPage : null);
        return path + query;
    }

    private static void add(StringJoiner query, String name, @Nullable Object value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    private static @Nullable String text(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> @Nullable E choice(MultiValueMap<String, String> params, String name, Class<E> type) {
        String value = text(params, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidTableQueryException(name, "is not one of the choices");
        }
    }

    private static @Nullable Boolean yesNo(MultiValueMap<String, String> params, String name) {
        String value = text(params, name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidTableQueryException(name, "is true or false");
        };
    }

    private static int number(MultiValueMap<String, String> params, String name, int absent, int min, int max) {
        String value = text(params, name);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new InvalidTableQueryException(name, "is a whole number from " + min + " to " + max);
    }
}
