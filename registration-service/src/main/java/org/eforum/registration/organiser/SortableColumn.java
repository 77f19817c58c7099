package org.eforum.registration.organiser;

import org.jspecify.annotations.Nullable;

/**
 * A column header that is a link: to the rows in its order, or the other way round when they are in it already.
 * {@code ariaSort} is "ascending" or "descending" on the column the rows are in order of, absent on the others.
 */
record SortableColumn(String label, String href, @Nullable String ariaSort) {

    static SortableColumn of(RegistrationTableQuery query, RegistrationTableQuery.Column column, String path) {
        return new SortableColumn("organiser.col." + column.param(), query.sortHref(path, column), query.ariaSort(column));
    }
}
