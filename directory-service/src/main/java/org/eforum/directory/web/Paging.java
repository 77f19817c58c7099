package org.eforum.directory.web;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** A validated page request: {@code page} from 0, {@code size} within the endpoint's bound. */
public record Paging(int page, int size) {

    public Pageable pageable() {
        return PageRequest.of(page, size);
    }

    public <T> PageView<T> view(List<T> items, long total) {
        return new PageView<>(items, page, size, total);
    }
}
