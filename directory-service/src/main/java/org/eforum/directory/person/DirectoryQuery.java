package org.eforum.directory.person;

import java.util.List;

import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.web.InvalidQueryException;
import org.eforum.directory.web.PageView;
import org.eforum.directory.web.Paging;
import org.eforum.directory.web.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;

/**
 * A public directory query as it arrives ({@code ?q=&type=&country=&page=&size=}), bound with
 * {@code @ModelAttribute} by the API and the pages alike. Every part stays raw text until {@link #checked} reads
 * it, so one answer can name every bad parameter rather than the first.
 */
public record DirectoryQuery(@Nullable String q, @Nullable String type, @Nullable String country,
        @Nullable String page, @Nullable String size) {

    /** The API's bound: 20 a page unless asked, at most 100. */
    public Checked forApi() {
        return checked(20, 100, size).orThrow();
    }

    /** The pages show a fixed number of rows: {@code size} is not theirs to choose and is not read. */
    public Checked forPage(int rows) {
        return checked(rows, rows, null);
    }

    private Checked checked(int defaultSize, int maxSize, @Nullable String requestedSize) {
        QueryParameters parameters = new QueryParameters();
        String text = parameters.text("q", q);
        StakeholderType stakeholderType = parameters.oneOf("type", type, StakeholderType.class);
        String countryCode = parameters.country("country", country);
        Paging paging = parameters.paging(page, requestedSize, defaultSize, maxSize);
        return new Checked(text, stakeholderType, countryCode, paging, parameters.errors());
    }

    /** What was read: the valid parts (a bad part reads as no filter) and one error per bad parameter. */
    public record Checked(@Nullable String text, @Nullable StakeholderType type, @Nullable String country,
            Paging paging, List<InvalidQueryException.FieldError> errors) {

        public Checked {
            errors = List.copyOf(errors);
        }

        public DirectoryFilter filter() {
            return DirectoryFilter.of(text, type, country);
        }

        public Pageable pageable() {
            return paging.pageable();
        }

        /** The answer's page: these items of {@code total} matches, with the paging asked for. */
        public <T> PageView<T> view(List<T> items, long total) {
            return paging.view(items, total);
        }

        public boolean valid() {
            return errors.isEmpty();
        }

        /** A 400 problem naming every bad parameter, or this query. */
        public Checked orThrow() {
            if (!valid()) {
                throw new InvalidQueryException(errors);
            }
            return this;
        }
    }
}
